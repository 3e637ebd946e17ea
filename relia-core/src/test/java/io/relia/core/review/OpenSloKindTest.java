package io.relia.core.review;

import io.relia.core.spec.SpecLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** OpenSLO files are SLO specs in every layout and version the OpenSLO SDK writes. */
class OpenSloKindTest {

    private static Optional<InputKind> kindOf(String yaml) {
        return InputDiscovery.kindOf(Path.of("slo.yaml"), SpecLoader.parse(Path.of("slo.yaml"), yaml).file()
                .orElseThrow().documents().getFirst().root());
    }

    @Test
    void aYamlListOfOpenSloObjectsIsAnOpenSloSpec() {
        assertThat(kindOf("- apiVersion: openslo/v1\n  kind: Service\n  metadata: {name: a}\n"))
                .contains(InputKind.SLO_OPENSLO);
    }

    @Test
    void aV2alphaObjectIsAnOpenSloSpecSoThatItsVersionIsReported() {
        assertThat(kindOf("apiVersion: openslo.com/v2alpha\nkind: SLO\n")).contains(InputKind.SLO_OPENSLO);
    }

    @Test
    void aListOfOtherThingsIsNoInput() {
        assertThat(kindOf("- apiVersion: v1\n  kind: Pod\n- 3\n")).isEmpty();
    }
}

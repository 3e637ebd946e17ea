package io.relia.core.review;

import io.relia.core.spec.SpecLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A Pyrra ServiceLevelObjective is an SLO spec, not a Kubernetes manifest parsed only. */
class PyrraKindTest {

    @TempDir
    Path directory;

    private static Optional<InputKind> kindOf(String yaml) {
        return InputDiscovery.kindOf(Path.of("slo.yaml"), SpecLoader.parse(Path.of("slo.yaml"), yaml).file()
                .orElseThrow().documents().getFirst().root());
    }

    @Test
    void aPyrraServiceLevelObjectiveIsAnSloSpec() {
        assertThat(kindOf("apiVersion: pyrra.dev/v1alpha1\nkind: ServiceLevelObjective\nmetadata: {name: a}\n"))
                .contains(InputKind.SLO_PYRRA);
        assertThat(InputKind.SLO_PYRRA.isSlo()).isTrue();
    }

    @Test
    void anotherKindOfThePyrraGroupStaysAKubernetesManifest() {
        assertThat(kindOf("apiVersion: pyrra.dev/v1alpha1\nkind: Something\nmetadata: {name: a}\n"))
                .contains(InputKind.KUBERNETES);
    }

    @Test
    void anUnparsablePyrraFileIsStillLikelyAnSloSpec() throws IOException {
        Path file = directory.resolve("api.yaml");
        Files.writeString(file, "apiVersion: pyrra.dev/v1alpha1\nkind: ServiceLevelObjective\nspec:\n\t target: 1\n");

        assertThat(LikelyKind.of(file, Path.of("api.yaml"))).contains(InputKind.SLO_PYRRA);
    }
}

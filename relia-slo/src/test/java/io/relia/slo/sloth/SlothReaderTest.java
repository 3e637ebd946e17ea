package io.relia.slo.sloth;

import io.relia.core.Problem;
import io.relia.core.Problems;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.SpecLoader;
import io.relia.slo.Sli;
import io.relia.slo.Slo;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SlothReaderTest {

    private final Problems problems = new Problems();

    private List<Slo> read(String yaml) {
        MapNode root = (MapNode) SpecLoader.parse(Path.of("sloth.yaml"), yaml).file().orElseThrow().documents()
                .getFirst().root();
        assertThat(SlothReader.accepts(root)).isTrue();
        return SlothReader.read(root, problems);
    }

    @Test
    void readsTheKubernetesPrometheusServiceLevelWithCamelCaseKeys() {
        List<Slo> slos = read("""
                apiVersion: sloth.slok.dev/v1
                kind: PrometheusServiceLevel
                metadata: {name: checkout}
                spec:
                  service: checkout
                  labels: {team: checkout}
                  slos:
                    - name: availability
                      objective: 99.5
                      sli:
                        events:
                          errorQuery: sum(rate(e[{{.window}}]))
                          totalQuery: sum(rate(t[{{.window}}]))
                      alerting:
                        name: CheckoutAvailability
                        pageAlert: {labels: {severity: critical}}
                        ticketAlert: {disable: true}
                """);
        assertThat(problems.sorted()).isEmpty();
        Slo slo = slos.getFirst();
        assertThat(slo.id()).isEqualTo("checkout-availability");
        assertThat(slo.sli()).isEqualTo(new Sli.Events("sum(rate(e[{{.window}}]))", "sum(rate(t[{{.window}}]))"));
        assertThat(slo.labels()).containsEntry("team", "checkout");
        assertThat(slo.alerting().page().labels()).containsEntry("severity", "critical");
        assertThat(slo.alerting().ticket().disabled()).isTrue();
        assertThat(slo.spec()).isEqualTo("sloth.slok.dev/v1");
    }

    @Test
    void warnsAboutUnknownKeysWithDidYouMean() {
        read("version: prometheus/v1\nservice: s\nslos:\n  - name: a\n    objectve: 99\n    objective: 99\n"
                + "    sli: {raw: {error_ratio_query: 'x[{{.window}}]'}}\n    alerting: {name: A}\n");
        assertThat(problems.sorted()).extracting(Problem::format).containsExactly(
                "sloth.yaml:5:5: warning: unknown key \"slos[0].objectve\" (hint: did you mean \"objective\"?)");
    }
}

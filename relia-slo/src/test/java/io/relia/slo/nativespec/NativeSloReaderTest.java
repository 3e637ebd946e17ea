package io.relia.slo.nativespec;

import io.relia.core.Problem;
import io.relia.core.Problems;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.SpecLoader;
import io.relia.slo.BurnRateAlert;
import io.relia.slo.Sli;
import io.relia.slo.Slo;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NativeSloReaderTest {

    private final Problems problems = new Problems();

    private List<Slo> read(String yaml) {
        MapNode root = (MapNode) SpecLoader.parse(Path.of("slos.yaml"), yaml).file().orElseThrow().documents()
                .getFirst().root();
        assertThat(NativeSloReader.accepts(root)).isTrue();
        return NativeSloReader.read(root, problems);
    }

    private List<String> messages() {
        return problems.sorted().stream().map(Problem::format).toList();
    }

    @Test
    void readsTheSeedShapeWithARatioOfCounters() {
        List<Slo> slos = read("""
                service: user-authentication
                slos:
                  - name: availability
                    sli:
                      type: availability
                      metric: "successful_requests / total_requests"
                      measurement_window: 30d
                    target: 99.95%
                    error_budget: 0.05%
                """);
        assertThat(messages()).isEmpty();
        Slo slo = slos.getFirst();
        assertThat(slo.objective()).isEqualTo(99.95);
        assertThat(slo.period()).contains(Duration.ofDays(30));
        assertThat(slo.sli()).isEqualTo(new Sli.Events(
                "(sum(rate(total_requests[{{.window}}]))) - (sum(rate(successful_requests[{{.window}}])))",
                "sum(rate(total_requests[{{.window}}]))"));
        assertThat(slo.alerting().name()).isEqualTo("UserAuthenticationAvailabilitySloBurnRate");
        assertThat(slo.alerting().page().labels()).containsEntry("severity", "critical");
        assertThat(slo.spec()).isEqualTo("relia/v1");
    }

    @Test
    void readsErrorsOverTotalWhenTheNumeratorIsNamedLikeErrors() {
        Slo slo = read("service: a\nslos:\n  - name: x\n    sli: {metric: \"requests_failed_total / requests_total\"}\n"
                + "    target: 99%\n").getFirst();
        assertThat(slo.sli()).isEqualTo(new Sli.Events("sum(rate(requests_failed_total[{{.window}}]))",
                "sum(rate(requests_total[{{.window}}]))"));
    }

    @Test
    void readsALatencyQuantileAsAShareOfFastRequestsAndSaysSo() {
        Slo slo = read("""
                service: checkout
                slos:
                  - name: latency_p99
                    sli:
                      type: latency
                      metric: 'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{route="/c"}[5m])))'
                    target: 500ms
                """).getFirst();
        assertThat(slo.objective()).isEqualTo(99.0);
        assertThat(slo.sli()).isEqualTo(new Sli.Events(
                "(sum(rate(http_request_duration_seconds_count{route=\"/c\"}[{{.window}}]))) - "
                        + "(sum(rate(http_request_duration_seconds_bucket{route=\"/c\",le=\"0.5\"}[{{.window}}])))",
                "sum(rate(http_request_duration_seconds_count{route=\"/c\"}[{{.window}}]))"));
        assertThat(messages()).containsExactly("slos.yaml:7:13: note: latency SLO read as \"99% of requests "
                + "faster than 500ms\": good = http_request_duration_seconds_bucket{le=\"0.5\"}, total = "
                + "http_request_duration_seconds_count (hint: le=\"0.5\" must be one of the histogram's bucket "
                + "boundaries, written as exported)");
    }

    @Test
    void readsTheSecondShapeWithBurnRateAlertsAndMonthlyMinutes() {
        Slo slo = read("""
                service: payments
                slos:
                  - name: availability
                    sli:
                      type: availability
                      query: sum(rate(ok_total[{{.window}}])) / sum(rate(all_total[{{.window}}]))
                    target: 99.9%
                    window: 30d
                    error_budget:
                      monthly_minutes: 43.2
                      burn_rate_alerts:
                        - severity: critical
                          burn_rate: 14.4x
                          window: 1h
                        - severity: warning
                          burn_rate: 6x
                          window: 6h
                """).getFirst();
        assertThat(messages()).isEmpty();
        assertThat(slo.sli()).isEqualTo(new Sli.Raw("1 - (sum(rate(ok_total[{{.window}}])) / "
                + "sum(rate(all_total[{{.window}}])))"));
        assertThat(slo.burnRateAlerts()).containsExactly(
                new BurnRateAlert(Duration.ofHours(1), Duration.ofMinutes(5), 14.4, true, "critical"),
                new BurnRateAlert(Duration.ofHours(6), Duration.ofMinutes(30), 6, false, "warning"));
    }

    @Test
    void refusesABudgetThatDisagreesWithTheTarget() {
        read("service: a\nslos:\n  - name: x\n    sli: {metric: \"a / b\"}\n    target: 99.9%\n    window: 30d\n"
                + "    error_budget: {monthly_minutes: 21.6}\n");
        assertThat(messages()).containsExactly("slos.yaml:7:37: error: monthly_minutes 21.6 disagrees with the "
                + "target: 99.9% over 30d leaves 43.2 minutes; expected 43.2 (hint: monthly_minutes counts minutes "
                + "over the SLO window)");
    }

    @Test
    void refusesThroughputWithAnExplanation() {
        assertThat(read("service: a\nslos:\n  - name: x\n    sli: {type: throughput, metric: rps}\n    target: 99%\n"))
                .isEmpty();
        assertThat(messages().getFirst()).startsWith("slos.yaml:4:17: error: a throughput SLI is not a ratio of good "
                + "to total events; expected good (or errors) and total queries");
    }

    @Test
    void warnsThatALowObjectiveCanNeverPage() {
        read("service: a\nslos:\n  - name: x\n    sli: {metric: \"a / b\"}\n    target: 90%\n");
        assertThat(messages()).singleElement().asString().contains("warning: objective 90% leaves a 10% error "
                + "budget: the 14.4× page alert would need more than 100% errors and can never fire");
    }

    @Test
    void readsTheExampleServiceSpecs() {
        for (String file : List.of("slos.yaml", "payments-slos.yaml")) {
            Path path = Path.of("..", "examples", "checkout-service", "reliability", file);
            MapNode root = (MapNode) SpecLoader.load(path).file().orElseThrow().documents().getFirst().root();
            Problems fileProblems = new Problems();
            assertThat(NativeSloReader.read(root, fileProblems)).isNotEmpty();
            assertThat(fileProblems.hasErrors()).as(fileProblems.sorted().toString()).isFalse();
        }
    }
}

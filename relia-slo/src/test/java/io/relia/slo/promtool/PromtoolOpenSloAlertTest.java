package io.relia.slo.promtool;

import io.relia.core.Problems;
import io.relia.core.spec.SpecDocument;
import io.relia.core.spec.SpecLoader;
import io.relia.slo.Slo;
import io.relia.slo.openslo.OpenSloReader;
import io.relia.slo.promtool.RuleUnitTest.ExpectedAlert;
import io.relia.slo.rules.SlothRules;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An OpenSLO burn-rate condition behaves as written when Prometheus evaluates the rules ({@code promtool test
 * rules}): 14.4× the budget of a 99.9% SLO over a one-hour lookback window, for five minutes ({@code alertAfter}),
 * one window only.
 */
@Tag("integration")
class PromtoolOpenSloAlertTest {

    private static final String SPEC = """
            - apiVersion: openslo/v1
              kind: SLO
              metadata:
                name: requests-availability
              spec:
                service: checkout
                indicator:
                  spec:
                    ratioMetric:
                      bad:
                        metricSource:
                          type: Prometheus
                          spec:
                            query: sum(rate(http_requests_total{job="checkout",code=~"5.."}[{{.window}}]))
                      total:
                        metricSource:
                          type: Prometheus
                          spec:
                            query: sum(rate(http_requests_total{job="checkout"}[{{.window}}]))
                timeWindow:
                  - duration: 30d
                    isRolling: true
                budgetingMethod: Occurrences
                objectives:
                  - target: 0.999
                alertPolicies:
                  - kind: AlertPolicy
                    metadata:
                      name: fast-burn
                    spec:
                      conditions:
                        - kind: AlertCondition
                          metadata:
                            name: two-percent-in-an-hour
                          spec:
                            severity: page
                            condition:
                              kind: burnrate
                              op: gt
                              threshold: 14.4
                              lookbackWindow: 1h
                              alertAfter: 5m
            """;

    private static final String ALERT = "RequestsAvailabilitySloBurnRate";
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @TempDir
    Path directory;

    private static RuleUnitTest scenario(Traffic traffic) {
        Problems problems = new Problems();
        List<Slo> slos = OpenSloReader.read(SpecLoader.parse(Path.of("openslo.yaml"), SPEC).file().orElseThrow()
                .documents().stream().map(SpecDocument::root).toList(), problems);
        assertThat(problems.sorted()).isEmpty();
        return new RuleUnitTest(GeneratedRules.forSlos(slos, SlothRules.Options.defaults("test")), MINUTE, traffic);
    }

    @Test
    void aFullOutageFiresOnceTheConditionHeldForAlertAfter() throws IOException, InterruptedException {
        Traffic traffic = Traffic.of("checkout", MINUTE).healthy(Duration.ofHours(2), 60);
        Duration outage = traffic.elapsed();
        traffic.serve(Duration.ofMinutes(15), 60, 60);
        ExpectedAlert page = new ExpectedAlert(Map.of("severity", "page", "sloth_id", "checkout-requests-availability",
                "sloth_service", "checkout", "sloth_slo", "requests-availability", "sloth_severity", "page"),
                Map.of("title", "(page) checkout requests-availability SLO error budget burn rate is too fast.",
                        "summary", "checkout requests-availability SLO error budget burn rate is over expected."));

        // The 1h ratio passes 14.4 × 0.001 at the first failed minute; the alert is pending for alertAfter (5m).
        Promtool.inDirectory(directory).assertPasses(scenario(traffic)
                .alerts(outage.plusMinutes(4), ALERT, List.of())
                .alerts(outage.plusMinutes(8), ALERT, List.of(page)));
    }
}

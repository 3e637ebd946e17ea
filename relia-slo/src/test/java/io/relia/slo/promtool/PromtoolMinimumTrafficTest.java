package io.relia.slo.promtool;

import io.relia.slo.SloFile;
import io.relia.slo.SloSpecs;
import io.relia.slo.promtool.RuleUnitTest.ExpectedAlert;
import io.relia.slo.rules.PrometheusRuleWriter;
import io.relia.slo.rules.RuleGroup;
import io.relia.slo.rules.SlothRules;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The minimum-traffic guard (native {@code alerting.min_traffic}, off by default): three failed requests at night
 * are 100% errors but no reason to page; the same outage at day traffic still pages. Evaluated by promtool.
 */
@Tag("integration")
class PromtoolMinimumTrafficTest {

    private static final String ALERT = "CheckoutRequestsAvailabilitySloBurnRate";
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @TempDir
    Path directory;

    private static String spec(String alerting) {
        return """
                service: checkout
                slos:
                  - name: requests-availability
                    sli:
                      errors: sum(rate(http_requests_total{job="checkout",code=~"5.."}[{{.window}}]))
                      total: sum(rate(http_requests_total{job="checkout"}[{{.window}}]))
                    target: 99.9%
                """ + alerting;
    }

    private static ExpectedAlert expected(String tier, String severity) {
        return new ExpectedAlert(Map.of("severity", severity, "sloth_severity", tier,
                "sloth_id", "checkout-requests-availability", "sloth_service", "checkout",
                "sloth_slo", "requests-availability"),
                Map.of("title", "(" + tier + ") checkout requests-availability SLO error budget burn rate is too fast.",
                        "summary", "checkout requests-availability SLO error budget burn rate is over expected."));
    }

    private GeneratedRules rules(String spec) throws IOException {
        Path file = Files.writeString(directory.resolve("slos.yaml"), spec);
        SloFile loaded = SloSpecs.load(file);
        assertThat(loaded.problems()).isEmpty();
        List<RuleGroup> groups = new ArrayList<>();
        loaded.slos().forEach(slo -> groups.addAll(SlothRules.generate(slo, SlothRules.Options.defaults("test"))));
        return new GeneratedRules(PrometheusRuleWriter.ruleFile(groups, List.of("test")),
                groups.stream().map(RuleGroup::name).toList(), groups.stream().mapToInt(g -> g.rules().size()).sum());
    }

    private void assertPasses(RuleUnitTest test) throws IOException, InterruptedException {
        Promtool.inDirectory(directory).assertPasses(test);
    }

    /** Six quiet hours at one request a minute, then every request fails for half an hour. */
    private static Traffic nightOutage() {
        return Traffic.of("checkout", MINUTE).healthy(Duration.ofHours(6), 1).serve(Duration.ofMinutes(30), 1, 1);
    }

    @Test
    void withoutTheGuardANightOutageOfAFewRequestsPages() throws IOException, InterruptedException {
        Traffic traffic = nightOutage();
        assertPasses(new RuleUnitTest(rules(spec("")), MINUTE, traffic)
                .alerts(Duration.ofHours(6).plusMinutes(10), ALERT,
                        List.of(expected("page", "critical"), expected("ticket", "warning"))));
    }

    @Test
    void theGuardKeepsANightOutageOfAFewRequestsQuiet() throws IOException, InterruptedException {
        // 1 request a minute is 0.017 requests/s over any window, below the 0.1/s minimum.
        Traffic traffic = nightOutage();
        RuleUnitTest test = new RuleUnitTest(rules(spec("    alerting:\n      min_traffic: 0.1\n")), MINUTE, traffic);
        for (int minute : new int[] {2, 10, 20, 29}) {
            test.alerts(Duration.ofHours(6).plusMinutes(minute), ALERT, List.of());
        }
        assertPasses(test);
    }

    @Test
    void theGuardStillPagesAnOutageAtDayTraffic() throws IOException, InterruptedException {
        Traffic traffic = Traffic.of("checkout", MINUTE).healthy(Duration.ofHours(6), 60)
                .serve(Duration.ofMinutes(10), 60, 60);
        assertPasses(new RuleUnitTest(rules(spec("    alerting:\n      min_traffic: 0.1\n")), MINUTE, traffic)
                .alerts(Duration.ofHours(6).plusMinutes(3), ALERT,
                        List.of(expected("page", "critical"), expected("ticket", "warning"))));
    }
}

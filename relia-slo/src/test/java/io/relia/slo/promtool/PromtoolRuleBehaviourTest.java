package io.relia.slo.promtool;

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
 * The generated multi-window, multi-burn-rate alerts behave as the SRE Workbook ("Alerting on SLOs") says, when
 * Prometheus' own rule engine ({@code promtool test rules}) evaluates them over synthetic traffic. SLO: 99.9% of
 * checkout requests succeed over 30 days; page when 2% of the budget burns in 1h (14.4×, confirmed over 5m) or 5% in
 * 6h (6×, over 30m); ticket when 10% burns in 1d (3×, over 2h) or 3d (1×, over 6h).
 *
 * <p>Every window ratio is a ratio of counter increases, so with steady traffic and samples on whole minutes, k
 * failing minutes out of a full window of w minutes give an error ratio of exactly k / w: the earliest alerting
 * minute follows from the thresholds.
 */
@Tag("integration")
class PromtoolRuleBehaviourTest {

    private static final String SPEC = """
            version: "prometheus/v1"
            service: "checkout"
            labels:
              owner: "team-checkout"
            slos:
              - name: "requests-availability"
                objective: 99.9
                sli:
                  events:
                    error_query: sum(rate(http_requests_total{job="checkout",code=~"5.."}[{{.window}}]))
                    total_query: sum(rate(http_requests_total{job="checkout"}[{{.window}}]))
                alerting:
                  name: CheckoutAvailability
                  labels:
                    category: "availability"
                  annotations:
                    runbook_url: "https://runbooks.example/checkout-availability"
                  page_alert:
                    labels:
                      severity: "critical"
                  ticket_alert:
                    labels:
                      severity: "warning"
            """;

    private static final String ALERT = "CheckoutAvailability";

    /** The error budget exactly as the rules print it: (100 - 99.9) / 100 in float64, just below 0.001. */
    private static final double BUDGET = (100 - 99.9) / 100;
    private static final double PAGE_QUICK_FACTOR = 14.4;

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    private static final ExpectedAlert PAGE = expected("page", "critical");
    private static final ExpectedAlert TICKET = expected("ticket", "warning");

    @TempDir
    Path directory;

    private static ExpectedAlert expected(String severity, String severityLabel) {
        // Alert labels: the spec's alert labels, plus the labels of the recorded series that the alert expression
        // keeps (max ... without (sloth_window)), which include the spec-wide labels such as owner.
        Map<String, String> labels = Map.of(
                "category", "availability",
                "severity", severityLabel,
                "owner", "team-checkout",
                "sloth_id", "checkout-requests-availability",
                "sloth_service", "checkout",
                "sloth_slo", "requests-availability",
                "sloth_severity", severity);
        Map<String, String> annotations = Map.of(
                "title", "(" + severity + ") checkout requests-availability SLO error budget burn rate is too fast.",
                "summary", "checkout requests-availability SLO error budget burn rate is over expected.",
                "runbook_url", "https://runbooks.example/checkout-availability");
        return new ExpectedAlert(labels, annotations);
    }

    private static RuleUnitTest scenario(Duration evaluationInterval, Traffic traffic) {
        GeneratedRules rules = GeneratedRules.forSpec(Path.of("checkout-sloth.yaml"), SPEC,
                SlothRules.Options.defaults("test"));
        return new RuleUnitTest(rules, evaluationInterval, traffic);
    }

    private Promtool.Result run(RuleUnitTest test) throws IOException, InterruptedException {
        return Promtool.inDirectory(directory).run(test);
    }

    private void assertPasses(RuleUnitTest test) throws IOException, InterruptedException {
        Promtool.inDirectory(directory).assertPasses(test);
    }

    /**
     * The first whole minute at which {@code errorShare} of the traffic failing since minute 0, after a full
     * healthy window, pushes the error ratio of {@code window} above {@code factor} × budget: the smallest k with
     * {@code errorShare × min(k, w) / w > factor × budget}.
     */
    private static long firstMinuteAbove(double factor, Duration window, double errorShare) {
        double minutes = window.toMinutes();
        double threshold = factor * BUDGET;
        assertThat(errorShare).as("an error share this low never crosses the threshold").isGreaterThan(threshold);
        return (long) Math.floor(threshold * minutes / errorShare) + 1;
    }

    private static long pageQuickMinute(double errorShare) {
        return Math.max(firstMinuteAbove(PAGE_QUICK_FACTOR, FIVE_MINUTES, errorShare),
                firstMinuteAbove(PAGE_QUICK_FACTOR, Duration.ofHours(1), errorShare));
    }

    private static String pageThreshold() {
        return "(" + PAGE_QUICK_FACTOR + " * " + BUDGET + ")";
    }

    @Test
    void fullOutagePagesAndTicketsWithinAMinute() throws IOException, InterruptedException {
        Traffic traffic = Traffic.of("checkout", MINUTE).healthy(Duration.ofHours(6), 60);
        Duration outage = traffic.elapsed();
        traffic.serve(Duration.ofMinutes(10), 60, 60);
        // 1h ratio k/60 > 14.4 × 0.001 needs k > 0.864: the first failed scrape (minute 1) pages.
        long pageMinute = pageQuickMinute(1.0);
        assertThat(pageMinute).isEqualTo(1);

        assertPasses(scenario(MINUTE, traffic)
                .alerts(outage.plusMinutes(pageMinute - 2), ALERT, List.of())
                .alerts(outage.plusMinutes(pageMinute + 2), ALERT, List.of(PAGE, TICKET)));
    }

    @Test
    void twentyTimesBurnPagesOnceTwoPercentOfTheHourHasFailed() throws IOException, InterruptedException {
        Traffic traffic = Traffic.of("checkout", MINUTE).healthy(Duration.ofHours(6), 100);
        Duration burnStart = traffic.elapsed();
        traffic.serve(Duration.ofMinutes(50), 100, 2);
        // 5m ratio passes 0.0144 after 4 minutes, 1h ratio (0.02 × k / 60) after 44: the hour decides.
        long pageMinute = pageQuickMinute(0.02);
        assertThat(pageMinute).isEqualTo(44);

        // The ticket fired earlier, at minute 19: the 6h and 3d ratios pass 1× budget (0.001) after 18 minutes
        // (the 3d window holds only the 6 hours of data there are).
        assertPasses(scenario(MINUTE, traffic)
                .alerts(burnStart.plusMinutes(pageMinute - 2), ALERT, List.of(TICKET))
                .alerts(burnStart.plusMinutes(pageMinute + 2), ALERT, List.of(PAGE, TICKET)));
    }

    @Test
    void slightlyFastBurnTicketsAfterTwoAndAHalfDaysButNeverPages() throws IOException, InterruptedException {
        // 5 minute scrapes keep six days short; 5m windows still hold two samples at every evaluation.
        Traffic traffic = Traffic.of("checkout", FIVE_MINUTES).healthy(Duration.ofDays(3), 5000);
        Duration burnStart = traffic.elapsed();
        traffic.serve(Duration.ofDays(3), 5000, 6);
        // 0.12% errors is 1.2× budget: the 3d ratio, 0.0012 × h / 72 after h hours, passes 1× budget at 60h.
        Duration ticketAfter = Duration.ofHours(60);

        RuleUnitTest test = scenario(FIVE_MINUTES, traffic);
        for (Duration at : List.of(Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(2),
                ticketAfter.minusHours(1))) {
            test.alerts(burnStart.plus(at), ALERT, List.of());
        }
        for (Duration at : List.of(ticketAfter.plusHours(1), Duration.ofDays(3))) {
            test.alerts(burnStart.plus(at), ALERT, List.of(TICKET));
        }
        // The short windows are recorded all along: the page stays silent because 1.2× is far below 14.4× and 6×.
        test.sample(burnStart.plus(Duration.ofDays(3)), "count(slo:sli_error:ratio_rate5m == 0.0012)", 1);
        assertPasses(test);
    }

    @Test
    void burnOfExactlyOneTimesTicketsBecauseTheBudgetIsJustBelowOnePerMille() throws IOException,
            InterruptedException {
        // 0.1% errors from the start: every window ratio is 0.001, and the ticket's slow pair compares it with
        // 1 * 0.0009999999999999432, Sloth's float64 budget, so "> 1×" holds for a burn of exactly 1×.
        Traffic traffic = Traffic.of("checkout", FIVE_MINUTES).serve(Duration.ofDays(1), 1000, 1);

        RuleUnitTest test = scenario(FIVE_MINUTES, traffic);
        for (Duration at : List.of(FIVE_MINUTES, Duration.ofHours(6), Duration.ofDays(1))) {
            test.alerts(at, ALERT, List.of(TICKET));
        }
        test.sample(Duration.ofDays(1), "count(slo:sli_error:ratio_rate3d == 0.001)", 1);
        assertPasses(test);
    }

    @Test
    void shortPartialSpikeDoesNotPageBecauseTheHourDisagrees() throws IOException, InterruptedException {
        // 10% of requests fail for 3 minutes: 18 failures, 6% of the 5m window but 0.5% of the hour.
        Traffic traffic = Traffic.of("checkout", MINUTE).healthy(Duration.ofHours(6), 60);
        Duration spike = traffic.elapsed();
        traffic.serve(Duration.ofMinutes(3), 60, 6).healthy(Duration.ofMinutes(10), 60);
        Duration spikeEnd = spike.plusMinutes(3);

        RuleUnitTest test = scenario(MINUTE, traffic);
        for (long minute = 1; minute <= 8; minute++) {
            test.alerts(spike.plusMinutes(minute), ALERT, List.of());
        }
        test.sample(spikeEnd, "count(slo:sli_error:ratio_rate5m > " + pageThreshold() + ")", 1)
                .noSample(spikeEnd, "count(slo:sli_error:ratio_rate1h > " + pageThreshold() + ")");
        assertPasses(test);
    }

    @Test
    void twoMinuteFullOutagePagesUntilItLeavesTheFiveMinuteWindow() throws IOException, InterruptedException {
        // Shorter than the short window, but 2 failed minutes are 3.3% of the hour, above its 1.44%: any 100%
        // spike a 1 minute scrape can see pages. The short window ends the page 5 minutes after the spike,
        // while the 1h ratio stays above the threshold for the rest of the hour.
        Traffic traffic = Traffic.of("checkout", MINUTE).healthy(Duration.ofHours(6), 60);
        Duration spike = traffic.elapsed();
        traffic.serve(Duration.ofMinutes(2), 60, 60).healthy(Duration.ofMinutes(20), 60);
        Duration spikeEnd = spike.plusMinutes(2);

        assertPasses(scenario(MINUTE, traffic)
                .alerts(spike, ALERT, List.of())
                .alerts(spike.plusMinutes(1), ALERT, List.of(PAGE, TICKET))
                .alerts(spikeEnd.plus(FIVE_MINUTES).minusMinutes(1), ALERT, List.of(PAGE, TICKET))
                .alerts(spikeEnd.plus(FIVE_MINUTES), ALERT, List.of(TICKET))
                .sample(spikeEnd.plusMinutes(15), "count(slo:sli_error:ratio_rate1h > " + pageThreshold() + ")", 1));
    }

    @Test
    void wrongExpectationFailsThePromtoolTest() throws IOException, InterruptedException {
        Traffic traffic = Traffic.of("checkout", MINUTE).healthy(Duration.ofHours(1), 60);
        Duration outage = traffic.elapsed();
        traffic.serve(Duration.ofMinutes(5), 60, 60);

        Promtool.Result result = run(scenario(MINUTE, traffic)
                .alerts(outage.plusMinutes(3), ALERT, List.of()));

        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("FAILED", "alertname: " + ALERT, "sloth_severity=\"page\"");
    }
}

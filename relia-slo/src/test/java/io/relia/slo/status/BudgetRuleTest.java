package io.relia.slo.status;

import io.relia.core.Location;
import io.relia.slo.AlertTier;
import io.relia.slo.Alerting;
import io.relia.slo.Sli;
import io.relia.slo.Slo;
import io.relia.slo.offline.RecordedData;
import io.relia.slo.offline.RecordedSeries;
import io.relia.slo.promql.OfflineEngine;
import io.relia.slo.query.QueryEngine;
import io.relia.slo.query.QueryException;
import io.relia.slo.query.SloQueries;
import io.relia.slo.query.TimeGrid;
import io.relia.slo.query.TimeSeries;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The one budget rule over data shorter than, equal to and longer than the window, with and without event counts:
 * budget spent = failures observed in the window ÷ failures the objective allows over the whole window. Counters
 * start at 0 and grow at constant rates, so every figure is computed by hand.
 */
class BudgetRuleTest {

    private static final Instant AT = Instant.parse("2026-11-02T14:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(30);
    private static final String EVENTS = "sum(rate(requests_total[{{.window}}]))";
    private static final String ERRORS = "sum(rate(requests_total{code=\"500\"}[{{.window}}]))";
    private static final String GOOD_RATIO = "1 - (sum(rate(requests_total{code=\"200\"}[{{.window}}])) / "
            + "sum(rate(requests_total[{{.window}}])))";

    @Test
    void sixHoursOfA30DayWindowSpendTheirShareOfTheWholeBudget() throws QueryException {
        SloStatus status = status(events(), traffic(AT.minus(Duration.ofHours(6)), t -> 5));

        // 0.5% errors burn a 0.1% budget 5× as fast as it lasts; 6h are 1/120 of the window.
        assertThat(status.coverage().covered()).isEqualTo(Duration.ofHours(6));
        assertThat(status.burnRate()).isCloseTo(5, within(1e-9));
        assertThat(status.budgetSpent()).isCloseTo(5 / 120.0, within(1e-9));
        assertThat(status.budgetRemaining()).isCloseTo(1 - 5 / 120.0, within(1e-9));
        assertThat(status.state()).isEqualTo(BudgetState.HEALTHY);
        assertThat(status.projectedSpent()).isCloseTo(5, within(1e-9));
        assertThat(status.events().getAsDouble()).isCloseTo(360_000, within(1e-6));
        assertThat(status.badEvents().getAsDouble()).isCloseTo(1_800, within(1e-6));
        // The window's events estimated from the observed rate: 360,000 × 120; 0.1% of them may fail.
        assertThat(status.budgetEventsAllowed().getAsDouble()).isCloseTo(43_200, within(1e-6));
        assertThat(status.budgetEventsRemaining().getAsDouble()).isCloseTo(41_400, within(1e-6));
        assertThat(status.coverage().describe()).isEqualTo("data covers 6h of the 30d window (0.8%)");
    }

    @Test
    void dataOverExactlyTheWindowIsPrometheusRatioOverTheWindowDividedByTheBudget() throws QueryException {
        SloStatus status = status(events(), traffic(AT.minus(WINDOW), t -> 0.2));

        assertThat(status.coverage().isWhole()).isTrue();
        assertThat(status.coverage().describe()).isEqualTo("data covers the whole 30d window");
        assertThat(status.errorRatio()).isCloseTo(0.0002, within(1e-12));
        assertThat(status.budgetRemaining()).isCloseTo(1 - status.errorRatio() / 0.001, within(1e-12));
        assertThat(status.budgetSpent()).isCloseTo(status.projectedSpent(), within(1e-12));
    }

    @Test
    void dataOlderThanTheWindowDoesNotCount() throws QueryException {
        Instant start = AT.minus(Duration.ofDays(40));
        Instant windowStart = AT.minus(WINDOW);
        // Ten days of 10% errors before the window, 0.02% inside it.
        SloStatus status = status(events(), traffic(start, t -> t < windowStart.toEpochMilli() ? 100 : 0.2));

        assertThat(status.coverage().isWhole()).isTrue();
        assertThat(status.errorRatio()).isCloseTo(0.0002, within(1e-9));
        assertThat(status.budgetRemaining()).isCloseTo(0.8, within(1e-6));
        assertThat(status.state()).isEqualTo(BudgetState.HEALTHY);
    }

    @Test
    void aBudgetIsExhaustedWhenTheFailuresSeenExceedWhatTheWholeWindowAllows() throws QueryException {
        // 6 hours at 50% errors: 500 × the budget's rate, over 1/120 of the window.
        SloStatus status = status(events(), traffic(AT.minus(Duration.ofHours(6)), t -> 500));

        assertThat(status.budgetSpent()).isCloseTo(500 / 120.0, within(1e-9));
        assertThat(status.state()).isEqualTo(BudgetState.EXHAUSTED);
        assertThat(status.timeToExhaustion()).isEmpty();
    }

    @Test
    void aRatioSliWithoutEventCountsFollowsTheSameRule() throws QueryException {
        SloStatus status = status(new Sli.Raw(GOOD_RATIO), traffic(AT.minus(Duration.ofHours(6)), t -> 5));

        assertThat(status.events()).isEmpty();
        assertThat(status.budgetEventsRemaining()).isEmpty();
        assertThat(status.coverage().covered()).isEqualTo(Duration.ofHours(6));
        assertThat(status.budgetSpent()).isCloseTo(5 / 120.0, within(1e-9));
    }

    @Test
    void noDataIsNoDataRatherThanAFullBudget() throws QueryException {
        Sli other = new Sli.Events("sum(rate(other_total{code=\"500\"}[{{.window}}]))",
                "sum(rate(other_total[{{.window}}]))");
        SloStatus status = status(other, traffic(AT.minus(Duration.ofHours(6)), t -> 5));

        assertThat(status.state()).isEqualTo(BudgetState.NO_DATA);
        assertThat(status.budgetRemaining()).isNaN();
        assertThat(status.coverage().covered()).isZero();
        assertThat(status.coverage().describe()).isEqualTo("no data in the 30d window");
    }

    @Test
    void anSliReadingNoSeriesIsJudgedOverTheWholeWindowAndSaysSo() throws QueryException {
        SloStatus status = status(new Sli.Raw("vector(0.0005)"), traffic(AT.minus(Duration.ofHours(6)), t -> 5));

        assertThat(status.coverage().measured()).isFalse();
        assertThat(status.budgetSpent()).isCloseTo(0.5, within(1e-12));
        assertThat(status.coverage().describe()).isEqualTo("data assumed to cover the whole 30d window (where it "
                + "starts could not be found)");
    }

    @Test
    void aSourceRefusingTheCoverageProbeIsJudgedOverTheWholeWindowAndSaysSo() throws QueryException {
        OfflineEngine offline = new OfflineEngine(traffic(AT.minus(Duration.ofHours(6)), t -> 5));
        QueryEngine oldPrometheus = new QueryEngine() {
            @Override
            public List<TimeSeries> queryRange(String expr, TimeGrid grid) throws QueryException {
                if (expr.contains("present_over_time")) {
                    throw new QueryException(QueryException.Kind.BAD_QUERY, "unknown function present_over_time");
                }
                return offline.queryRange(expr, grid);
            }

            @Override
            public String describe() {
                return "a Prometheus older than 2.29";
            }
        };

        SloStatus status = new StatusEvaluator(oldPrometheus, WINDOW, BudgetPolicy.DEFAULT, 1).evaluate(
                target(events()), AT);

        assertThat(status.coverage().measured()).isFalse();
        assertThat(status.budgetSpent()).isCloseTo(5, within(1e-9));
        assertThat(status.state()).isEqualTo(BudgetState.EXHAUSTED);
    }

    @Test
    void whereTheDataStartsIsFoundToTheMinute() throws QueryException {
        Instant start = AT.minus(Duration.ofHours(6)).minusSeconds(30);
        SloStatus status = status(events(), traffic(start, t -> 5));

        assertThat(status.coverage().covered()).isBetween(Duration.ofHours(6).minusMinutes(1),
                Duration.between(start, AT));
    }

    @Test
    void theBurnDownStartsWithTheDataAndEndsAtTheBudgetLeft() throws QueryException {
        RecordedData data = traffic(AT.minus(Duration.ofHours(6)), t -> t < AT.minus(Duration.ofHours(3))
                .toEpochMilli() ? 1 : 9);
        StatusEvaluator evaluator = evaluator(data);
        StatusEvaluator.Target target = target(events());
        SloStatus status = evaluator.evaluate(target, AT);

        StatusEvaluator.BurnDown burnDown = evaluator.burnDown(target, status, 72);

        assertThat(burnDown.times().getFirst()).isAfter(AT.minus(Duration.ofHours(6)));
        assertThat(burnDown.remaining()[0]).isGreaterThan(0.99);
        assertThat(burnDown.remaining()[burnDown.remaining().length - 1])
                .isCloseTo(status.budgetRemaining(), within(1e-12));
    }

    @Test
    void theGateLineSaysHowMuchOfTheWindowTheDataCovers() throws QueryException {
        SloStatus status = status(events(), traffic(AT.minus(Duration.ofHours(6)), t -> 5));

        GateDecision decision = GateDecision.decide(List.of(status), BudgetPolicy.DEFAULT, false);

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.reason()).isEqualTo("deploy allowed: 1 SLO(s) within the error-budget policy; lowest "
                + "budget left: shop-availability 95.8%, healthy, data covers 6h of the 30d window (0.8%) (default "
                + "policy)");
    }

    private static SloStatus status(Sli sli, RecordedData data) throws QueryException {
        return evaluator(data).evaluate(target(sli), AT);
    }

    private static StatusEvaluator evaluator(RecordedData data) {
        return new StatusEvaluator(new OfflineEngine(data), WINDOW, BudgetPolicy.DEFAULT, 1);
    }

    private static Sli events() {
        return new Sli.Events(ERRORS, EVENTS);
    }

    private static StatusEvaluator.Target target(Sli sli) {
        Slo slo = new Slo("shop", "availability", "", 99.9, Optional.of(WINDOW), sli, Map.of(),
                new Alerting("ShopAvailability", Map.of(), Map.of(), AlertTier.DEFAULT, AlertTier.DEFAULT), List.of(),
                "prometheus/v1", new Location("shop.yaml", 1, 1));
        return new StatusEvaluator.Target(slo, SloQueries.of(slo));
    }

    /**
     * 1,000 requests a minute from {@code start} to {@link #AT}, one sample a minute, {@code errorsPerMinute(t)} of
     * them failing in the minute ending at t (epoch ms); counters start at 0.
     */
    private static RecordedData traffic(Instant start, LongToDoubleFunction errorsPerMinute) {
        int n = Math.toIntExact(Duration.between(start, AT).toMinutes()) + 1;
        long[] times = new long[n];
        double[] good = new double[n];
        double[] bad = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = start.toEpochMilli() + i * 60_000L;
            double errors = i == 0 ? 0 : errorsPerMinute.applyAsDouble(times[i]);
            bad[i] = i == 0 ? 0 : bad[i - 1] + errors;
            good[i] = i == 0 ? 0 : good[i - 1] + 1000 - errors;
        }
        return new RecordedData(Path.of("traffic.om"), RecordedData.Format.OPENMETRICS, List.of(
                new RecordedSeries(labels("200"), times, good), new RecordedSeries(labels("500"), times, bad)));
    }

    private static TreeMap<String, String> labels(String code) {
        TreeMap<String, String> labels = new TreeMap<>();
        labels.put("__name__", "requests_total");
        labels.put("code", code);
        return labels;
    }
}

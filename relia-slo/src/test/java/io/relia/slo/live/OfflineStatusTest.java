package io.relia.slo.live;

import io.relia.slo.backtest.AlertResult;
import io.relia.slo.backtest.BacktestResult;
import io.relia.slo.backtest.Backtester;
import io.relia.slo.backtest.Interval;
import io.relia.slo.offline.RecordedData;
import io.relia.slo.promql.OfflineEngine;
import io.relia.slo.query.QueryException;
import io.relia.slo.query.TimeGrid;
import io.relia.slo.status.BudgetPolicy;
import io.relia.slo.status.BudgetState;
import io.relia.slo.status.GateDecision;
import io.relia.slo.status.SloStatus;
import io.relia.slo.status.StatusEvaluator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Status, gate and backtest over the recorded synthetic history, without a server, checked against values
 * computed by hand from the history's definition (6,000 requests a minute, 0.05% errors, three incidents).
 */
class OfflineStatusTest {

    @TempDir
    static Path directory;

    private static SyntheticHistory history;
    private static OfflineEngine openMetrics;
    private static OfflineEngine csv;

    @BeforeAll
    static void record() throws IOException {
        history = SyntheticHistory.standard();
        Path om = directory.resolve("shop.om");
        Path table = directory.resolve("shop.csv");
        history.writeOpenMetrics(om);
        history.writeCsv(table);
        openMetrics = new OfflineEngine(RecordedData.load(om));
        csv = new OfflineEngine(RecordedData.load(table));
    }

    private static StatusEvaluator evaluator(OfflineEngine engine) {
        return new StatusEvaluator(engine, ShopSlo.PERIOD, BudgetPolicy.DEFAULT, 2);
    }

    /** Errors over all events of the whole 30 days, from the history's definition. */
    private static double expectedErrorRatio() {
        double minutes = 30 * 1440;
        double errors = 3 * minutes - 3 * (30 + 240 + 4320) + 1200 * 30 + 300 * 240 + 6 * 4320;
        return errors / (6000 * minutes);
    }

    @Test
    void theBudgetAtTheEndMatchesTheHandComputedErrors() throws QueryException {
        SloStatus status = evaluator(openMetrics).evaluate(ShopSlo.target("shop"), history.end());
        assertThat(expectedErrorRatio()).isCloseTo(249_750 / 259_200_000.0, within(1e-15));
        assertThat(status.errorRatio()).isCloseTo(expectedErrorRatio(), within(expectedErrorRatio() * 0.001));
        assertThat(status.budgetRemaining()).isCloseTo(1 - expectedErrorRatio() / 0.001, within(0.002));
        assertThat(status.state()).isEqualTo(BudgetState.CRITICAL);
        assertThat(status.events().getAsDouble()).isCloseTo(259_200_000, within(259_200_000 * 0.001));
        assertThat(status.badEvents().getAsDouble()).isCloseTo(249_750, within(249_750 * 0.001));
        assertThat(status.budgetMinutes()).isCloseTo(43.2, within(1e-9));
    }

    @Test
    void aCsvOfTheSameCountersGivesTheSameStatus() throws QueryException {
        SloStatus fromOpenMetrics = evaluator(openMetrics).evaluate(ShopSlo.target("shop"), history.end());
        StatusEvaluator.Target csvTarget = new StatusEvaluator.Target(ShopSlo.availability("shop"),
                io.relia.slo.query.SloQueries.csv(null));
        SloStatus fromCsv = evaluator(csv).evaluate(csvTarget, history.end());
        assertThat(fromCsv.errorRatio()).isCloseTo(fromOpenMetrics.errorRatio(), within(1e-12));
        assertThat(fromCsv.burnRates()).hasSameSizeAs(fromOpenMetrics.burnRates());
    }

    @Test
    void duringTheFastBurnThePageAlertFiresAndTheBudgetRunsOutInHours() throws QueryException {
        Instant tenMinutesIn = incident("fast-burn").start().plus(Duration.ofMinutes(10));
        SloStatus status = evaluator(openMetrics).evaluate(ShopSlo.target("shop"), tenMinutesIn);
        assertThat(status.firing()).anySatisfy(alert -> {
            assertThat(alert.severity()).isEqualTo("page");
            assertThat(alert.longWindow()).isEqualTo(Duration.ofHours(1));
        });
        // Prometheus 3 windows are (t - 1h, t]: 60 samples, 59 one-minute increases (10 in the incident), the
        // increase extrapolated by 60/59 for both counters, so the ratio is that of the 59 minutes.
        double hourRatio = (10 * 1200 + 49 * 3) / (59 * 6000.0);
        SloStatus.WindowBurn hour = status.burnRates().stream()
                .filter(b -> b.window().equals(Duration.ofHours(1))).findFirst().orElseThrow();
        assertThat(hour.errorRatio()).isCloseTo(hourRatio, within(hourRatio * 0.001));
        assertThat(status.timeToExhaustion()).isPresent();
        assertThat(status.timeToExhaustion().get()).isLessThan(Duration.ofDays(3));
    }

    @Test
    void theBurnDownFallsFromTheWholeBudgetToWhatIsLeft() throws QueryException {
        StatusEvaluator evaluator = evaluator(openMetrics);
        SloStatus status = evaluator.evaluate(ShopSlo.target("shop"), history.end());
        StatusEvaluator.BurnDown burnDown = evaluator.burnDown(ShopSlo.target("shop"), status, 240);
        double[] remaining = burnDown.remaining();
        assertThat(remaining[0]).isCloseTo(1, within(0.01));
        assertThat(remaining[remaining.length - 1]).isCloseTo(status.budgetRemaining(), within(1e-12));
        for (int i = 1; i < remaining.length; i++) {
            assertThat(remaining[i]).isLessThanOrEqualTo(remaining[i - 1]);
        }
        SloStatus dayOne = evaluator.evaluate(ShopSlo.target("shop"), history.start().plus(Duration.ofDays(1)));
        StatusEvaluator.BurnDown early = evaluator.burnDown(ShopSlo.target("shop"), dayOne, 48);
        assertThat(early.remaining()).doesNotContain(Double.NaN);
    }

    @Test
    void theSlowBurnPagesNobody() throws QueryException {
        Instant dayIntoSlowBurn = incident("slow-burn").start().plus(Duration.ofDays(1));
        SloStatus status = evaluator(openMetrics).evaluate(ShopSlo.target("shop"), dayIntoSlowBurn);
        assertThat(status.paging()).isFalse();
    }

    @Test
    void theGateFreezesOnACriticalBudgetAndLetsAReliabilityFixThrough() throws QueryException {
        SloStatus status = evaluator(openMetrics).evaluate(ShopSlo.target("shop"), history.end());
        GateDecision freeze = GateDecision.decide(List.of(status), BudgetPolicy.DEFAULT, false);
        assertThat(freeze.allowed()).isFalse();
        assertThat(freeze.reason()).startsWith("deploy frozen: shop-availability has 3.6% of its error budget left "
                + "(critical: below 25%)");
        GateDecision fix = GateDecision.decide(List.of(status), BudgetPolicy.DEFAULT, true);
        assertThat(fix.allowed()).isTrue();
        assertThat(fix.warning()).isTrue();
        SloStatus early = evaluator(openMetrics).evaluate(ShopSlo.target("shop"),
                history.start().plus(Duration.ofDays(5)));
        assertThat(GateDecision.decide(List.of(early), BudgetPolicy.DEFAULT, false).allowed()).isTrue();
    }

    @Test
    void backtestDetectsEachKnownIncidentWithTheHandComputedDelay() throws QueryException {
        BacktestResult result = backtest(known());
        AlertResult page = alert(result, "mwmbr", "page");
        // 1h error ratio above 14.4 × 0.1%: (0.2 t + 0.0005 (60 - t)) / 60 > 0.0144 → t > 4.18 min; at 5%: 16.85 min.
        assertThat(page.detections().get(0)).hasValueSatisfying(d -> assertThat(d.toMinutes()).isBetween(4L, 6L));
        assertThat(page.detections().get(1)).hasValueSatisfying(d -> assertThat(d.toMinutes()).isBetween(16L, 18L));
        assertThat(page.detections().get(2)).isEmpty();
        Interval slow = incident("slow-burn");
        assertThat(page.firing()).noneMatch(f -> f.overlaps(slow.start(), slow.end()));
        assertThat(page.noise()).isEmpty();
        assertThat(page.misses()).isEmpty();
    }

    @Test
    void backtestFindsTheFastIncidentsByItselfButNotTheSlowBurn() throws QueryException {
        BacktestResult result = backtest(List.of());
        assertThat(result.incidents()).hasSize(2);
        assertThat(result.incidents().get(0).overlaps(incident("fast-burn").start(), incident("fast-burn").end()))
                .isTrue();
        assertThat(result.incidents().get(1).overlaps(incident("partial-outage").start(),
                incident("partial-outage").end())).isTrue();
        assertThat(alert(result, "mwmbr", "page").detected()).isEqualTo(2);
    }

    @Test
    void singleWindowAlertsKeepFiringLongerAfterTheIncidentEnds() throws QueryException {
        BacktestResult result = backtest(known());
        Duration multi = alert(result, "mwmbr", "page").firingTime();
        Duration single = alert(result, "single-window", "page").firingTime();
        assertThat(single).isGreaterThan(multi);
    }

    private static BacktestResult backtest(List<Backtester.KnownIncident> known) throws QueryException {
        TimeGrid grid = new TimeGrid(history.start(), history.end(), Duration.ofMinutes(1));
        return new Backtester(openMetrics, ShopSlo.PERIOD).run(ShopSlo.target("shop"), grid, known);
    }

    static List<Backtester.KnownIncident> known() {
        return known(history);
    }

    static List<Backtester.KnownIncident> known(SyntheticHistory history) {
        return history.incidents().stream().map(i -> new Backtester.KnownIncident(i.name(), new Interval(
                history.start().plus(i.offsetFromStart()),
                history.start().plus(i.offsetFromStart()).plus(i.length())))).toList();
    }

    private static Interval incident(String name) {
        return known().stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow().span();
    }

    static AlertResult alert(BacktestResult result, String strategy, String severity) {
        Optional<AlertResult> found = result.alerts().stream().filter(a -> a.rule().strategy().equals(strategy)
                && a.rule().severity().equals(severity)).findFirst();
        return found.orElseThrow();
    }
}

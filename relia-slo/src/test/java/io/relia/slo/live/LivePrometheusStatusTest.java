package io.relia.slo.live;

import io.relia.slo.backtest.AlertResult;
import io.relia.slo.backtest.BacktestResult;
import io.relia.slo.backtest.Backtester;
import io.relia.slo.backtest.Interval;
import io.relia.slo.offline.RecordedData;
import io.relia.slo.prometheus.PrometheusClient;
import io.relia.slo.promql.OfflineEngine;
import io.relia.slo.query.QueryException;
import io.relia.slo.query.TimeGrid;
import io.relia.slo.query.TimeSeries;
import io.relia.slo.rules.PrometheusRuleWriter;
import io.relia.slo.rules.Rule;
import io.relia.slo.rules.RuleGroup;
import io.relia.slo.rules.SlothRules;
import io.relia.slo.status.BudgetPolicy;
import io.relia.slo.status.SloStatus;
import io.relia.slo.status.StatusEvaluator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The real Prometheus over 30 days of synthetic history with known incidents: status and backtest through its
 * HTTP API equal the offline evaluation of the same recording (Prometheus 2 window rules, as the installed 2.42),
 * both equal the hand-computed values, and the generated recording rules, backfilled by promtool, agree too.
 */
@Tag("integration")
class LivePrometheusStatusTest {

    @TempDir
    static Path directory;

    private static SyntheticHistory history;
    private static PrometheusServer server;
    private static PrometheusClient prometheus;
    private static OfflineEngine offline;

    @BeforeAll
    static void start() throws Exception {
        history = SyntheticHistory.standard();
        Path om = directory.resolve("shop.om");
        history.writeOpenMetrics(om);
        server = PrometheusServer.backfilled(directory, om);
        prometheus = PrometheusClient.builder(server.url()).build();
        offline = new OfflineEngine(RecordedData.load(om), OfflineEngine.Compatibility.PROMETHEUS_2);
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static List<Instant> moments() {
        List<Instant> moments = new ArrayList<>();
        moments.add(history.end());
        for (Backtester.KnownIncident incident : OfflineStatusTest.known(history)) {
            moments.add(incident.span().start().plus(Duration.ofMinutes(10)));
            moments.add(incident.span().end().plus(Duration.ofMinutes(30)));
        }
        moments.add(history.start().plus(Duration.ofDays(12)).plus(Duration.ofHours(6)).plus(Duration.ofMinutes(2)));
        return moments;
    }

    private static SloStatus status(io.relia.slo.query.QueryEngine engine, Instant at) throws QueryException {
        return new StatusEvaluator(engine, ShopSlo.PERIOD, BudgetPolicy.DEFAULT, 4).evaluate(ShopSlo.target("shop"), at);
    }

    @Test
    void statusThroughPrometheusEqualsTheOfflineEvaluationWithinATenthOfAPercent() throws QueryException {
        for (Instant at : moments()) {
            SloStatus live = status(prometheus, at);
            SloStatus recorded = status(offline, at);
            assertThat(live.state()).as("state at %s", at).isEqualTo(recorded.state());
            assertThat(live.coverage()).as("coverage at %s", at).isEqualTo(recorded.coverage());
            assertThat(live.firing()).as("firing at %s", at).hasSameSizeAs(recorded.firing());
            assertThat(live.errorRatio()).as("error ratio at %s", at)
                    .isCloseTo(recorded.errorRatio(), within(recorded.errorRatio() * 0.001));
            assertThat(live.budgetRemaining()).as("budget at %s", at)
                    .isCloseTo(recorded.budgetRemaining(), within(Math.abs(recorded.budgetRemaining()) * 0.001));
            for (int i = 0; i < live.burnRates().size(); i++) {
                SloStatus.WindowBurn a = live.burnRates().get(i);
                SloStatus.WindowBurn b = recorded.burnRates().get(i);
                assertThat(a.window()).isEqualTo(b.window());
                assertThat(a.burnRate()).as("burn over %s at %s", a.window(), at)
                        .isCloseTo(b.burnRate(), within(Math.max(1e-9, b.burnRate() * 0.001)));
            }
        }
    }

    @Test
    void prometheusFindsWhereTheDataStartsToTheMinute() throws QueryException {
        Duration twelveDays = Duration.ofDays(12).plusHours(6).plusMinutes(2);
        SloStatus live = status(prometheus, history.start().plus(twelveDays));

        assertThat(live.coverage().measured()).isTrue();
        assertThat(live.coverage().covered()).isEqualTo(twelveDays);
        assertThat(status(prometheus, history.end()).coverage().isWhole()).isTrue();
    }

    @Test
    void statusThroughPrometheusEqualsTheHandComputedBudget() throws QueryException {
        SloStatus live = status(prometheus, history.end());
        double expected = 249_750 / 259_200_000.0;
        assertThat(live.errorRatio()).isCloseTo(expected, within(expected * 0.001));
        assertThat(live.events().getAsDouble()).isCloseTo(259_200_000, within(259_200_000 * 0.001));
    }

    @Test
    void backtestThroughPrometheusFindsEveryIncidentWithTheExpectedDelay() throws QueryException {
        TimeGrid grid = new TimeGrid(history.start(), history.end(), Duration.ofMinutes(1));
        List<Backtester.KnownIncident> known = OfflineStatusTest.known(history);
        BacktestResult live = new Backtester(prometheus, ShopSlo.PERIOD).run(ShopSlo.target("shop"), grid, known);
        BacktestResult recorded = new Backtester(offline, ShopSlo.PERIOD).run(ShopSlo.target("shop"), grid, known);
        AlertResult page = OfflineStatusTest.alert(live, "mwmbr", "page");
        assertThat(page.detections().get(0)).hasValueSatisfying(d -> assertThat(d.toMinutes()).isBetween(4L, 6L));
        assertThat(page.detections().get(1)).hasValueSatisfying(d -> assertThat(d.toMinutes()).isBetween(16L, 18L));
        assertThat(page.detections().get(2)).isEmpty();
        Interval slow = known.get(2).span();
        assertThat(page.firing()).noneMatch(f -> f.overlaps(slow.start(), slow.end()));
        for (int a = 0; a < live.alerts().size(); a++) {
            List<Interval> liveFiring = live.alerts().get(a).firing();
            List<Interval> offlineFiring = recorded.alerts().get(a).firing();
            assertThat(liveFiring).as(live.alerts().get(a).rule().name()).hasSameSizeAs(offlineFiring);
            for (int i = 0; i < liveFiring.size(); i++) {
                assertThat(Duration.between(liveFiring.get(i).start(), offlineFiring.get(i).start()).abs())
                        .isLessThanOrEqualTo(Duration.ofMinutes(1));
                assertThat(Duration.between(liveFiring.get(i).end(), offlineFiring.get(i).end()).abs())
                        .isLessThanOrEqualTo(Duration.ofMinutes(1));
            }
        }
    }

    @Test
    void backfilledRecordingRulesAgreeWithTheOfflineBurnRates() throws Exception {
        List<Rule> windowRules = new ArrayList<>();
        for (RuleGroup group : SlothRules.generate(ShopSlo.availability("shop"), SlothRules.Options.defaults("test"))) {
            for (Rule rule : group.rules()) {
                if (rule instanceof Rule.Recording recording && recording.record().startsWith("slo:sli_error:ratio_rate")
                        && !recording.record().endsWith("30d")) {
                    windowRules.add(rule);
                }
            }
        }
        Path rules = Files.writeString(directory.resolve("sli-rules.yaml"),
                PrometheusRuleWriter.ruleFile(List.of(new RuleGroup("sli", windowRules)), List.of()));
        Interval fast = OfflineStatusTest.known(history).get(0).span();
        server.backfillRules(rules, fast.start().minus(Duration.ofHours(2)), fast.end().plus(Duration.ofHours(2)));
        // promtool evaluates the rules on its own schedule; each recorded sample is compared with the offline
        // evaluation at that sample's own timestamp.
        for (int minutes : new int[] {5, 10, 20, 45}) {
            Instant at = fast.start().plus(Duration.ofMinutes(minutes));
            for (String window : List.of("5m", "1h", "6h")) {
                String series = "slo:sli_error:ratio_rate" + window + "{sloth_id=\"shop-availability\"}";
                List<TimeSeries> recorded = prometheus.query(series, at);
                assertThat(recorded).as("rule %s at %s", window, at).hasSize(1);
                double stamp = prometheus.query("timestamp(" + series + ")", at).getFirst().values()[0];
                Instant evaluated = Instant.ofEpochMilli(Math.round(stamp * 1000));
                assertThat(Duration.between(evaluated, at)).isLessThan(Duration.ofMinutes(2));
                double expected = offline.query(io.relia.slo.query.SloQueries.of(ShopSlo.availability("shop"))
                        .errorRatio(io.relia.core.value.Durations.parse(window).asOptional().orElseThrow()), evaluated)
                        .getFirst().values()[0];
                assertThat(recorded.getFirst().values()[0]).as("rule %s evaluated at %s", window, evaluated)
                        .isCloseTo(expected, within(expected * 0.001));
            }
        }
    }
}

package io.relia.slo.promql;

import io.relia.slo.offline.RecordedData;
import io.relia.slo.offline.RecordedSeries;
import io.relia.slo.query.QueryException;
import io.relia.slo.query.TimeGrid;
import io.relia.slo.query.TimeSeries;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class OfflineEngineTest {

    private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");

    /** One sample a minute for {@code minutes} minutes, value(i) at T0 + i minutes. */
    private static RecordedSeries series(Map<String, String> labels, int minutes, IntToDoubleFunction value) {
        long[] times = new long[minutes];
        double[] values = new double[minutes];
        for (int i = 0; i < minutes; i++) {
            times[i] = T0.plusSeconds(60L * i).toEpochMilli();
            values[i] = value.applyAsDouble(i);
        }
        return new RecordedSeries(new TreeMap<>(labels), times, values);
    }

    private static OfflineEngine engine(OfflineEngine.Compatibility compatibility, RecordedSeries... series) {
        return new OfflineEngine(new RecordedData(Path.of("test.om"), RecordedData.Format.OPENMETRICS,
                List.of(series)), compatibility);
    }

    private static OfflineEngine requests() {
        List<RecordedSeries> all = new ArrayList<>();
        all.add(series(Map.of("__name__", "http_requests_total", "status", "200", "route", "/a"), 120, i -> 60.0 * i));
        all.add(series(Map.of("__name__", "http_requests_total", "status", "500", "route", "/a"), 120, i -> 6.0 * i));
        all.add(series(Map.of("__name__", "http_requests_total", "status", "200", "route", "/b"), 120, i -> 30.0 * i));
        return engine(OfflineEngine.Compatibility.PROMETHEUS_3, all.toArray(RecordedSeries[]::new));
    }

    private static double single(OfflineEngine engine, String query, Instant at) throws QueryException {
        List<TimeSeries> result = engine.query(query, at);
        assertThat(result).hasSize(1);
        return result.getFirst().values()[0];
    }

    @Test
    void rateOfASteadyCounterIsItsSlopeInBothWindowRules() throws QueryException {
        for (OfflineEngine.Compatibility compatibility : OfflineEngine.Compatibility.values()) {
            OfflineEngine engine = engine(compatibility, series(Map.of("__name__", "c_total"), 60, i -> 60.0 * i));
            assertThat(single(engine, "rate(c_total[5m])", T0.plusSeconds(600))).isCloseTo(1.0, within(1e-12));
            assertThat(single(engine, "increase(c_total[10m])", T0.plusSeconds(1800))).isCloseTo(600, within(1e-9));
        }
    }

    @Test
    void rateCountsACounterResetAsARestartFromZero() throws QueryException {
        OfflineEngine engine = engine(OfflineEngine.Compatibility.PROMETHEUS_2,
                series(Map.of("__name__", "c_total"), 11, i -> i < 6 ? 100 + 60.0 * i : 60.0 * (i - 5)));
        // [0m, 10m] closed: 100..400, then reset to 60..300: increase = (400 - 100) + 300 = 600 over 600 s.
        assertThat(single(engine, "increase(c_total[10m])", T0.plusSeconds(600))).isCloseTo(600, within(1e-9));
    }

    @Test
    void rateExtrapolatesHalfAnIntervalWhenTheSeriesStartsInsideTheWindow() throws QueryException {
        OfflineEngine engine = engine(OfflineEngine.Compatibility.PROMETHEUS_2,
                series(Map.of("__name__", "c_total"), 6, i -> 1000 + 60.0 * i));
        // Samples 0..5m, window [-5m, 5m]: 300 over 300 s sampled, extended by 30 s at the start (not to zero:
        // the zero point is far away) and 0 at the end.
        assertThat(single(engine, "increase(c_total[10m])", T0.plusSeconds(300))).isCloseTo(330, within(1e-9));
    }

    @Test
    void rateNeedsTwoSamples() throws QueryException {
        OfflineEngine engine = engine(OfflineEngine.Compatibility.PROMETHEUS_3,
                series(Map.of("__name__", "c_total"), 5, i -> 60.0 * i));
        assertThat(engine.query("rate(c_total[1m])", T0.plusSeconds(120))).isEmpty();
    }

    @Test
    void sumByKeepsOnlyTheGroupingLabels() throws QueryException {
        List<TimeSeries> result = requests().query("sum by (route) (rate(http_requests_total[5m]))",
                T0.plusSeconds(3600));
        assertThat(result).extracting(series -> series.labels().get("route")).containsExactlyInAnyOrder("/a", "/b");
        assertThat(result).allSatisfy(series -> assertThat(series.labels()).containsOnlyKeys("route"));
        assertThat(result.stream().filter(s -> s.labels().get("route").equals("/a")).findFirst().orElseThrow()
                .values()[0]).isCloseTo(1.1, within(1e-12));
    }

    @Test
    void errorRatioOfTwoSumsMatchesOneToOne() throws QueryException {
        double ratio = single(requests(), "sum(rate(http_requests_total{status=~\"5..\"}[5m])) / "
                + "sum(rate(http_requests_total[5m]))", T0.plusSeconds(3600));
        assertThat(ratio).isCloseTo(6.0 / 96.0, within(1e-12));
    }

    @Test
    void ignoringAndGroupLeftMatchManyToOne() throws QueryException {
        List<TimeSeries> result = requests().query("sum by (route, status) (rate(http_requests_total[5m])) "
                + "/ ignoring(status) group_left sum by (route) (rate(http_requests_total[5m]))", T0.plusSeconds(3600));
        assertThat(result).hasSize(3);
        assertThat(result).filteredOn(s -> s.labels().equals(Map.of("route", "/a", "status", "500")))
                .singleElement().satisfies(s -> assertThat(s.values()[0]).isCloseTo(6.0 / 66.0, within(1e-12)));
    }

    @Test
    void comparisonsFilterUnlessBool() throws QueryException {
        OfflineEngine engine = requests();
        assertThat(engine.query("rate(http_requests_total[5m]) > 0.6", T0.plusSeconds(3600))).hasSize(1);
        assertThat(engine.query("rate(http_requests_total[5m]) > bool 0.6", T0.plusSeconds(3600)))
                .extracting(s -> s.values()[0]).containsExactlyInAnyOrder(1.0, 0.0, 0.0);
    }

    @Test
    void setOperatorsFollowLabelMatching() throws QueryException {
        OfflineEngine engine = requests();
        Instant at = T0.plusSeconds(3600);
        assertThat(engine.query("http_requests_total and on(route) http_requests_total{status=\"500\"}", at))
                .hasSize(2);
        assertThat(engine.query("http_requests_total unless on(route) http_requests_total{status=\"500\"}", at))
                .hasSize(1);
        assertThat(engine.query("http_requests_total{route=\"/a\"} or http_requests_total", at)).hasSize(3);
    }

    @Test
    void offsetLooksBack() throws QueryException {
        double now = single(requests(), "sum(http_requests_total{route=\"/b\"})", T0.plusSeconds(3600));
        double before = single(requests(), "sum(http_requests_total{route=\"/b\"} offset 10m)", T0.plusSeconds(3600));
        assertThat(now - before).isEqualTo(300);
    }

    @Test
    void instantSelectorsLookBackFiveMinutes() throws QueryException {
        OfflineEngine engine = requests();
        assertThat(engine.query("http_requests_total", T0.plusSeconds(119 * 60 + 290))).hasSize(3);
        assertThat(engine.query("http_requests_total", T0.plusSeconds(119 * 60 + 301))).isEmpty();
    }

    @Test
    void subqueryAveragesTheInnerExpressionAtItsResolution() throws QueryException {
        double average = single(requests(), "avg_over_time((sum(rate(http_requests_total[5m])))[30m:5m])",
                T0.plusSeconds(3600));
        assertThat(average).isCloseTo(1.6, within(1e-12));
    }

    @Test
    void histogramQuantileInterpolatesInsideTheBucket() throws QueryException {
        List<RecordedSeries> buckets = new ArrayList<>();
        double[][] bounds = {{0.1, 50}, {0.5, 90}, {Double.POSITIVE_INFINITY, 100}};
        for (double[] bound : bounds) {
            String le = Double.isInfinite(bound[0]) ? "+Inf" : Double.toString(bound[0]);
            buckets.add(series(Map.of("__name__", "latency_bucket", "le", le), 30, i -> bound[1] * i));
        }
        OfflineEngine engine = engine(OfflineEngine.Compatibility.PROMETHEUS_3,
                buckets.toArray(RecordedSeries[]::new));
        double p70 = single(engine, "histogram_quantile(0.7, sum by (le) (rate(latency_bucket[5m])))",
                T0.plusSeconds(1200));
        assertThat(p70).isCloseTo(0.1 + 0.4 * (70.0 - 50) / 40, within(1e-9));
    }

    @Test
    void rangeQueryEvaluatesEveryStep() throws QueryException {
        TimeGrid grid = new TimeGrid(T0.plusSeconds(600), T0.plusSeconds(1200), Duration.ofMinutes(1));
        List<TimeSeries> result = requests().queryRange("sum(rate(http_requests_total[5m]))", grid);
        assertThat(result).singleElement().satisfies(s -> {
            assertThat(s.values()).hasSize(11);
            for (double value : s.values()) {
                assertThat(value).isCloseTo(1.6, within(1e-12));
            }
        });
    }

    @Test
    void numbersAndArithmeticFollowPrecedence() throws QueryException {
        assertThat(single(requests(), "1 + 2 * 3 ^ 2 - -1", T0)).isEqualTo(20);
        assertThat(single(requests(), "2 ^ 3 ^ 2", T0)).isEqualTo(512);
    }

    @Test
    void unsupportedFunctionsAreRejectedByName() {
        assertThatThrownBy(() -> requests().query("label_replace(up, \"a\", \"$1\", \"b\", \"(.*)\")", T0))
                .isInstanceOf(QueryException.class)
                .hasMessageContaining("function \"label_replace\" is not supported offline")
                .extracting(e -> ((QueryException) e).kind()).isEqualTo(QueryException.Kind.UNSUPPORTED);
    }

    @Test
    void syntaxErrorsNameThePosition() {
        assertThatThrownBy(() -> requests().query("sum(rate(http_requests_total[5m])", T0))
                .isInstanceOf(QueryException.class)
                .hasMessageStartingWith("parse error at char 34: unexpected the end of the query, expected \")\"")
                .extracting(e -> ((QueryException) e).kind()).isEqualTo(QueryException.Kind.BAD_QUERY);
        assertThatThrownBy(() -> requests().query("rate(http_requests_total)", T0))
                .hasMessageContaining("expected a range vector in call to function \"rate\"");
        assertThatThrownBy(() -> requests().query("{status=~\".*\"}", T0))
                .hasMessageContaining("at least one non-empty matcher");
    }
}

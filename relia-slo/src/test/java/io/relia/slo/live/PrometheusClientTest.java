package io.relia.slo.live;

import io.relia.slo.prometheus.PrometheusClient;
import io.relia.slo.query.QueryException;
import io.relia.slo.query.QueryException.Kind;
import io.relia.slo.query.TimeGrid;
import io.relia.slo.query.TimeSeries;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * The client against a real Prometheus serving {@link SyntheticHistory#standard()}: every expected value is
 * computed by hand from the history's definition. Prometheus 2 range windows include both ends ({@code [t - 1h, t]}),
 * so with samples on whole minutes {@code increase} needs no extrapolation and matches the counts exactly.
 */
@Tag("integration")
class PrometheusClientTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @TempDir
    static Path directory;
    private static SyntheticHistory history;
    private static PrometheusServer server;
    private static PrometheusClient client;

    @BeforeAll
    static void startPrometheus() throws Exception {
        history = SyntheticHistory.standard();
        Path file = directory.resolve("shop.om");
        history.writeOpenMetrics(file);
        server = PrometheusServer.backfilled(directory.resolve("prometheus"), file);
        client = PrometheusClient.builder(server.url()).build();
    }

    @AfterAll
    static void stopPrometheus() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static Instant day(int day, int hour, int minute) {
        return history.start().plus(Duration.ofDays(day).plusHours(hour).plusMinutes(minute));
    }

    @Test
    void anInstantQueryReturnsTheCountersAtThatSample() throws QueryException {
        Instant fastBurnEnd = day(8, 12, 30);

        List<TimeSeries> result = client.query("sum(http_requests_total)", fastBurnEnd);

        assertThat(result).hasSize(1);
        assertThat(result.getFirst().labels()).isEmpty();
        assertThat(result.getFirst().valueAt(0)).isEqualTo((double) history.requestsCounterAt(fastBurnEnd));
    }

    @Test
    void aMonthAtOneMinuteStepsCrossesChunksAndMatchesEverySample() throws QueryException {
        TimeGrid month = new TimeGrid(history.start(), history.end(), MINUTE);

        List<TimeSeries> result = client.queryRange("sum(http_requests_total)", month);

        assertThat(month.size()).isEqualTo(43_201);
        assertThat(result).hasSize(1);
        double[] values = result.getFirst().values();
        for (int i = 0; i < values.length; i++) {
            Instant at = month.at(i);
            assertThat(values[i]).as("at %s", at).isEqualTo((double) history.requestsCounterAt(at));
        }
    }

    @Test
    void hourlyErrorIncreaseMatchesTheCountsAtEveryMinuteAcrossTheReset() throws QueryException {
        TimeGrid month = new TimeGrid(history.start().plus(Duration.ofHours(1)), history.end(), MINUTE);

        double[] values = client.queryRange("sum(increase(http_requests_total{status=\"500\"}[1h]))", month)
                .getFirst().values();

        for (int i = 0; i < values.length; i++) {
            Instant at = month.at(i);
            double expected = history.errorsBetween(at.minus(Duration.ofHours(1)), at);
            assertThat(values[i]).as("at %s", at).isCloseTo(expected, within(expected * 1e-9));
        }
    }

    @Test
    void theFastBurnHourHoldsThirtyMinutesAtTwentyPercent() throws QueryException {
        List<TimeSeries> result = client.query("sum(increase(http_requests_total{status=\"500\"}[1h]))",
                day(8, 12, 30));

        assertThat(result.getFirst().valueAt(0)).isCloseTo(30 * 1200 + 30 * 3, within(1e-6));
    }

    @Test
    void theSlowBurnRunsAtExactlyTheBudgetRate() throws QueryException {
        String ratio = "sum(rate(http_requests_total{status=\"500\"}[1h])) / sum(rate(http_requests_total[1h]))";

        double value = client.query(ratio, day(23, 12, 0)).getFirst().valueAt(0);

        assertThat(value / 0.001).as("burn rate of a 99.9%% SLO").isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aRangeQueryKeepsEachLabelSet() throws QueryException {
        TimeGrid threeMinutes = new TimeGrid(history.start(), history.start().plus(Duration.ofMinutes(2)), MINUTE);

        List<TimeSeries> result = client.queryRange("http_requests_total", threeMinutes);

        assertThat(result).extracting(s -> s.labels().get("status")).containsExactlyInAnyOrder("200", "500");
        TimeSeries errors = result.stream().filter(s -> s.labels().get("status").equals("500")).findFirst()
                .orElseThrow();
        assertThat(errors.labels()).containsEntry("__name__", "http_requests_total").containsEntry("service", "shop");
        assertThat(errors.values()).containsExactly(3, 6, 9);
    }

    @Test
    void stepsAfterTheLastSampleAndItsLookbackAreNaN() throws QueryException {
        TimeGrid aroundEnd = new TimeGrid(history.end(), history.end().plus(Duration.ofMinutes(10)), MINUTE);

        double[] values = client.queryRange("sum(http_requests_total)", aroundEnd).getFirst().values();

        // The 5-minute lookback keeps the last sample visible for a few steps, then nothing is left.
        assertThat(values[0]).isEqualTo((double) history.requestsCounterAt(history.end()));
        assertThat(values[4]).isEqualTo(values[0]);
        assertThat(values[6]).isNaN();
        assertThat(values[10]).isNaN();
    }

    @Test
    void scalarResultsAndSpecialValuesParse() throws QueryException {
        Instant at = day(1, 0, 0);

        assertThat(client.query("1/0", at)).singleElement().satisfies(s -> {
            assertThat(s.labels()).isEmpty();
            assertThat(s.valueAt(0)).isEqualTo(Double.POSITIVE_INFINITY);
        });
        assertThat(client.query("-1/0", at).getFirst().valueAt(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(client.query("0/0", at).getFirst().valueAt(0)).isNaN();
    }

    @Test
    void aStringResultIsABadResponse() {
        QueryException e = catchThrowableOfType(QueryException.class, () -> client.query("\"relia\"", day(1, 0, 0)));

        assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE);
        assertThat(e).hasMessageContaining("string");
    }

    @Test
    void invalidPromQlIsABadQueryWithPrometheusOwnText() {
        String broken = "sum(rate(http_requests_total[5m])";

        QueryException e = catchThrowableOfType(QueryException.class, () -> client.query(broken, day(1, 0, 0)));

        assertThat(e.kind()).isEqualTo(Kind.BAD_QUERY);
        assertThat(e).hasMessageContaining(server.url().toString()).hasMessageContaining("parse error")
                .hasMessageContaining(broken);
    }

    @Test
    void aSelectorMatchingNothingGivesNoSeries() throws QueryException {
        String nothing = "http_requests_total{service=\"no-such-service\"}";
        TimeGrid day = new TimeGrid(history.start(), history.start().plus(Duration.ofDays(1)), MINUTE);

        assertThat(client.query(nothing, day(1, 0, 0))).isEmpty();
        assertThat(client.queryRange(nothing, day)).isEmpty();
    }

    @Test
    void reportsTheServersVersionAndDescribesItself() throws QueryException {
        assertThat(client.buildVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(client.describe()).isEqualTo("Prometheus at " + server.url());
    }
}

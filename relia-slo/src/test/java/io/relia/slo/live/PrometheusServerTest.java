package io.relia.slo.live;

import io.relia.slo.prometheus.PrometheusClient;
import io.relia.slo.query.QueryException;
import io.relia.slo.query.TimeGrid;
import io.relia.slo.query.TimeSeries;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The test harness itself: backfilled history and recording rules served by a real Prometheus. */
@Tag("integration")
class PrometheusServerTest {

    private static final Instant DAY_TWO = SyntheticHistory.DEFAULT_START.plus(Duration.ofDays(1));
    private static final String RULE = "shop:errors:rate5m";
    private static final String EXPR = "sum(rate(http_requests_total{status=\"500\"}[5m]))";

    /** Two days of baseline traffic with a 30-minute incident at 20% errors on day two, 01:00. */
    private static final SyntheticHistory HISTORY = SyntheticHistory.builder().days(2)
            .incident("spike", Duration.ofDays(1).plusHours(1), Duration.ofMinutes(30), 0.2).build();

    @TempDir
    static Path directory;
    private static PrometheusServer server;
    private static PrometheusClient client;
    private static int portBeforeRules;

    @BeforeAll
    static void backfillHistoryAndRules() throws Exception {
        Path history = directory.resolve("history.om");
        HISTORY.writeOpenMetrics(history);
        Path rules = Files.writeString(directory.resolve("rules.yml"), """
                groups:
                  - name: shop
                    rules:
                      - record: %s
                        expr: %s
                """.formatted(RULE, EXPR), StandardCharsets.UTF_8);
        server = PrometheusServer.backfilled(directory.resolve("prometheus"), history);
        client = PrometheusClient.builder(server.url()).build();
        portBeforeRules = server.url().getPort();
        server.backfillRules(rules, DAY_TWO, DAY_TWO.plus(Duration.ofDays(1)));
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void servesTheBackfilledCountersOnLoopback() throws QueryException {
        assertThat(server.url().getHost()).isEqualTo("127.0.0.1");
        Instant last = HISTORY.end();
        List<TimeSeries> total = client.query("sum(http_requests_total)", last);
        assertThat(total.getFirst().valueAt(0)).isEqualTo((double) HISTORY.requestsCounterAt(last));
    }

    @Test
    void theRecordedSeriesIsQueryableAfterTheRestartOnTheSamePort() throws QueryException {
        assertThat(server.url().getPort()).isEqualTo(portBeforeRules);

        List<TimeSeries> recorded = client.query(RULE, DAY_TWO.plus(Duration.ofMinutes(90)));

        assertThat(recorded).singleElement().satisfies(s -> assertThat(s.labels()).containsEntry("__name__", RULE));
        // Five minutes into the incident every minute in the window has 1200 errors: 20 per second.
        assertThat(recorded.getFirst().valueAt(0)).isCloseTo(1200 / 60.0, within(1e-9));
    }

    @Test
    void recordedSamplesEqualTheExpressionAtTheirEvaluationTimes() throws QueryException {
        // promtool evaluates as a rule group does: at a fixed offset into each interval (a hash of the group's name
        // and file), so recorded samples sit between the data's minutes. Each must equal the expression there.
        TimeGrid onset = new TimeGrid(DAY_TWO.plus(Duration.ofMinutes(55)), DAY_TWO.plus(Duration.ofMinutes(70)),
                Duration.ofMinutes(1));

        double[] evaluatedAt = client.queryRange("timestamp(" + RULE + ")", onset).getFirst().values();
        double[] values = client.queryRange(RULE, onset).getFirst().values();

        for (int i = 0; i < values.length; i++) {
            Instant at = Instant.ofEpochMilli(Math.round(evaluatedAt[i] * 1000));
            assertThat(at).isBetween(onset.at(i).minus(Duration.ofMinutes(1)), onset.at(i));
            double direct = client.query(EXPR, at).getFirst().valueAt(0);
            assertThat(values[i]).as("evaluated at %s", at).isCloseTo(direct, within(1e-9));
        }
        assertThat(values[0]).isCloseTo(3 / 60.0, within(1e-9));
        assertThat(values[values.length - 1]).isCloseTo(1200 / 60.0, within(1e-9));
    }

    @Test
    void aQuietHourRecordsTheBaselineRate() throws QueryException {
        Instant quiet = DAY_TWO.plus(Duration.ofHours(12));
        TimeGrid hour = new TimeGrid(quiet, quiet.plus(Duration.ofHours(1)), Duration.ofMinutes(1));

        double[] baseline = client.queryRange(RULE, hour).getFirst().values();

        assertThat(Arrays.stream(baseline).boxed().toList()).hasSize(61)
                .allSatisfy(v -> assertThat(v).isCloseTo(3 / 60.0, within(1e-9)));
    }
}

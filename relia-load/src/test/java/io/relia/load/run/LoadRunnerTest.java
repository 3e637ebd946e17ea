package io.relia.load.run;

import io.relia.core.Location;
import io.relia.load.report.IntervalLog;
import io.relia.load.scenario.LoadProfile;
import io.relia.load.scenario.RequestTemplate;
import io.relia.load.scenario.Scenario;
import io.relia.load.scenario.Target;
import io.relia.load.selftest.TestServer;
import io.relia.load.threshold.Threshold;
import io.relia.load.threshold.Thresholds;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

class LoadRunnerTest {

    private static Scenario scenario(int port, List<RequestTemplate> requests, LoadProfile profile, int connections,
            List<Threshold> thresholds) {
        return new Scenario("test", new Target(false, "127.0.0.1", port, false), requests, Optional.empty(), profile,
                connections, Duration.ZERO, Duration.ofSeconds(2), thresholds);
    }

    private static Scenario constant(int port, double rate, Duration duration) {
        return scenario(port, List.of(RequestTemplate.get("/")), new LoadProfile.Constant(rate, duration), 10,
                List.of());
    }

    @Test
    void anOpenModelRunSendsExactlyTheScheduledRequests() throws Exception {
        try (TestServer server = TestServer.start()) {
            LoadResult result = new LoadRunner(constant(server.port(), 500, Duration.ofSeconds(2)),
                    LoadOptions.defaults(), LoadListener.NONE).run();

            LoadStats total = result.total();
            assertThat(total.sent()).isEqualTo(1000);
            assertThat(total.responses()).isEqualTo(1000);
            assertThat(total.status(200)).isEqualTo(1000);
            assertThat(total.errors()).isZero();
            assertThat(total.intended()).isEqualTo(1000);
            assertThat(server.requests()).isEqualTo(1000);
            assertThat(result.passed()).isTrue();
            assertThat(result.timeline()).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void theMeasuredSpanCountsEachOfItsRequestsOnceHoweverLateTheWarmUpsAnswersCome() throws Exception {
        try (TestServer server = TestServer.start()) {
            // The server stops answering at 0.75 s for 0.4 s: requests sent in the warm-up (until 1 s) are answered
            // in the measured span, and requests due after it wait for them.
            server.pauseAfter(150, Duration.ofMillis(400));
            Scenario scenario = new Scenario("test", new Target(false, "127.0.0.1", server.port(), false),
                    List.of(RequestTemplate.get("/")), Optional.empty(), new LoadProfile.Constant(200,
                    Duration.ofSeconds(3)), 20, Duration.ofSeconds(1), Duration.ofSeconds(5), List.of());
            List<Long> finishedPerInterval = new ArrayList<>();
            LoadListener listener = new LoadListener() {
                @Override
                public void interval(IntervalReport report) {
                    finishedPerInterval.add(report.stats().requests());
                }
            };
            LoadResult result = new LoadRunner(scenario, LoadOptions.defaults(), listener).run();

            LoadStats total = result.total();
            assertThat(total.intended()).isEqualTo(400);
            assertThat(total.sent()).isEqualTo(400);
            assertThat(total.requests()).as("finished").isEqualTo(400);
            assertThat(total.unsent()).isZero();
            assertThat(total.inFlightAtStop()).isZero();
            assertThat(server.requests()).isEqualTo(600);
            assertThat(finishedPerInterval.stream().mapToLong(Long::longValue).sum())
                    .as("the intervals show every answer, warm-up included").isEqualTo(600);
        }
    }

    @Test
    void requestsThatCannotBeSentCountAsFinishedWithAnError() throws Exception {
        try (TestServer server = TestServer.start()) {
            server.pauseAfter(1, Duration.ofSeconds(3));
            // one connection, held by requests the server does not answer in time: most arrivals cannot leave
            Scenario scenario = new Scenario("test", new Target(false, "127.0.0.1", server.port(), false),
                    List.of(RequestTemplate.get("/")), Optional.empty(), new LoadProfile.Constant(20,
                    Duration.ofSeconds(1)), 1, Duration.ZERO, Duration.ofMillis(500), List.of());
            LoadResult result = new LoadRunner(scenario, LoadOptions.defaults(), LoadListener.NONE).run();

            LoadStats total = result.total();
            assertThat(total.unsent()).isPositive().isEqualTo(total.errors(ErrorKind.NOT_SENT));
            assertThat(total.sent() + total.unsent()).isEqualTo(total.requests()).isEqualTo(20);
        }
    }

    @Test
    void aRampSendsTheIntegralOfItsRate() throws Exception {
        try (TestServer server = TestServer.start()) {
            // 0 → 400/s over 1 s (200 requests), then 400/s for 1 s (400 requests)
            LoadProfile ramp = new LoadProfile.Ramping(0, List.of(new LoadProfile.Stage(400, Duration.ofSeconds(1)),
                    new LoadProfile.Stage(400, Duration.ofSeconds(1))));
            LoadResult result = new LoadRunner(scenario(server.port(), List.of(RequestTemplate.get("/")), ramp, 10,
                    List.of()), LoadOptions.defaults(), LoadListener.NONE).run();

            assertThat(result.total().sent()).isBetween(599L, 600L);
            assertThat(result.timeline().getFirst().intendedRate()).isCloseTo(200, offset(5.0));
        }
    }

    @Test
    void theWeightedMixIsFollowedAcrossThreads() throws Exception {
        try (TestServer server = TestServer.start()) {
            List<RequestTemplate> mix = List.of(
                    new RequestTemplate("browse", "GET", "/browse", List.of(), "", 3, null),
                    new RequestTemplate("buy", "POST", "/buy", List.of(), "{}", 1, null),
                    new RequestTemplate("peek", "HEAD", "/peek", List.of(), "", 1, null));
            LoadResult result = new LoadRunner(scenario(server.port(), mix, new LoadProfile.Constant(500,
                    Duration.ofSeconds(2)), 10, List.of()), LoadOptions.defaults().withThreads(2),
                    LoadListener.NONE).run();

            LoadStats total = result.total();
            assertThat(total.templateRequests(0)).isEqualTo(600);
            assertThat(total.templateRequests(1)).isEqualTo(200);
            assertThat(total.templateRequests(2)).isEqualTo(200);
            assertThat(total.errors()).isZero();
            assertThat(result.options().threads()).isEqualTo(2);
        }
    }

    @Test
    void aClosedModelKeepsEveryConnectionBusyAndMeasuresFromTheSendTime() throws Exception {
        try (TestServer server = TestServer.start()) {
            Scenario closed = scenario(server.port(), List.of(RequestTemplate.get("/")),
                    new LoadProfile.Closed(Duration.ofSeconds(1), Duration.ZERO), 4, List.of());
            LoadResult result = new LoadRunner(closed, LoadOptions.defaults(), LoadListener.NONE).run();

            LoadStats total = result.total();
            assertThat(total.responses()).isGreaterThan(100);
            assertThat(total.errors()).isZero();
            assertThat(total.intended()).isZero();
            assertThat(total.correctedLatency().getTotalCount()).isEqualTo(total.uncorrectedLatency().getTotalCount());
            assertThat(total.correctedLatency().getValueAtPercentile(50))
                    .isEqualTo(total.uncorrectedLatency().getValueAtPercentile(50));
        }
    }

    @Test
    void thinkTimeSpacesAConnectionsRequestsInAClosedModel() throws Exception {
        try (TestServer server = TestServer.start()) {
            Scenario closed = scenario(server.port(), List.of(RequestTemplate.get("/")),
                    new LoadProfile.Closed(Duration.ofSeconds(1), Duration.ofMillis(100)), 2, List.of());
            LoadResult result = new LoadRunner(closed, LoadOptions.defaults(), LoadListener.NONE).run();

            // two connections, each at most one request per 100 ms think time: about 20 in a second
            assertThat(result.total().responses()).isBetween(12L, 22L);
        }
    }

    @Test
    void anUnreachableTargetFailsBeforeTheRun() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Scenario scenario = constant(port, 100, Duration.ofSeconds(1));
        assertThatThrownBy(() -> new LoadRunner(scenario, LoadOptions.defaults(), LoadListener.NONE).run())
                .isInstanceOf(TargetUnreachableException.class)
                .hasMessage("cannot connect to http://127.0.0.1:" + port + ": connection refused");
    }

    @Test
    void requestsToAServerThatGoesAwayAreCountedAsErrorsNotDropped() throws Exception {
        TestServer server = TestServer.start();
        int port = server.port();
        List<IntervalReport> intervals = new ArrayList<>();
        Thread killer = new Thread(() -> {
            try {
                Thread.sleep(700);
            } catch (InterruptedException e) {
                return;
            }
            server.close();
        });
        killer.start();
        LoadResult result = new LoadRunner(constant(port, 200, Duration.ofSeconds(2)), LoadOptions.defaults(),
                new LoadListener() {
                    @Override
                    public void interval(IntervalReport report) {
                        intervals.add(report);
                    }
                }).run();
        killer.join();

        LoadStats total = result.total();
        assertThat(total.responses()).isBetween(100L, 160L);
        assertThat(total.errors(ErrorKind.CONNECT) + total.errors(ErrorKind.CLOSED)
                + total.errors(ErrorKind.NOT_SENT)).isGreaterThan(200);
        assertThat(total.requests()).as("every scheduled request is accounted for").isEqualTo(400);
    }

    @Test
    void aRequestWithoutAnAnswerTimesOut() throws Exception {
        try (TestServer server = TestServer.start()) {
            server.pauseAfter(1, Duration.ofSeconds(30));
            Scenario scenario = new Scenario("timeout", new Target(false, "127.0.0.1", server.port(), false),
                    List.of(RequestTemplate.get("/")), Optional.empty(),
                    new LoadProfile.Constant(10, Duration.ofMillis(500)), 10, Duration.ZERO, Duration.ofMillis(300),
                    List.of());
            LoadResult result = new LoadRunner(scenario, LoadOptions.defaults(), LoadListener.NONE).run();

            assertThat(result.total().errors(ErrorKind.TIMEOUT)).isEqualTo(5);
            assertThat(result.total().responses()).isZero();
        }
    }

    @Test
    void statusesOf400AndAboveAreErrors() throws Exception {
        try (TestServer server = TestServer.withCapacity(1, 1)) {
            LoadResult result = new LoadRunner(scenario(server.port(), List.of(RequestTemplate.get("/")),
                    new LoadProfile.Constant(100, Duration.ofSeconds(1)), 5,
                    Thresholds.parse("errors<1%", new Location("test", 0, 0))), LoadOptions.defaults(),
                    LoadListener.NONE).run();

            assertThat(result.total().status(429)).isGreaterThan(90);
            assertThat(result.total().errors()).isEqualTo(result.total().status(429));
            assertThat(result.passed()).isFalse();
            assertThat(result.verdicts().getFirst().observedText()).endsWith("%");
        }
    }

    @Test
    void aFailingThresholdAbortsTheRunWhenAsked() throws Exception {
        try (TestServer server = TestServer.start()) {
            server.pauseAfter(50, Duration.ofSeconds(3));
            Scenario scenario = scenario(server.port(), List.of(RequestTemplate.get("/")),
                    new LoadProfile.Constant(100, Duration.ofSeconds(20)), 10,
                    Thresholds.parse("p99<100ms", new Location("test", 0, 0)));
            LoadOptions options = LoadOptions.defaults().withInterval(Duration.ofMillis(200))
                    .withWindow(Duration.ofSeconds(1)).withAbortOnFail(true);
            long start = System.nanoTime();
            LoadResult result = new LoadRunner(scenario, options, LoadListener.NONE).run();

            assertThat(result.abortedBy()).isPresent();
            assertThat(result.abortedBy().get().threshold().source()).isEqualTo("p99<100ms");
            assertThat(result.passed()).isFalse();
            assertThat(System.nanoTime() - start).as("stopped long before its 20 s").isLessThan(10_000_000_000L);
        }
    }

    @Test
    void theIntervalLogHoldsEveryResponseInMergeableHistograms(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latency.hlog");
        LoadResult result;
        try (TestServer server = TestServer.start(); IntervalLog log = new IntervalLog(file)) {
            log.start(System.currentTimeMillis(), "test");
            result = new LoadRunner(constant(server.port(), 300, Duration.ofSeconds(2)), LoadOptions.defaults(), log)
                    .run();
        }
        {

            Histogram corrected = new Histogram(3);
            Histogram uncorrected = new Histogram(3);
            try (HistogramLogReader reader = new HistogramLogReader(file.toFile())) {
                while (reader.hasNext()) {
                    Histogram h = (Histogram) reader.nextIntervalHistogram();
                    (IntervalLog.CORRECTED.equals(h.getTag()) ? corrected : uncorrected).add(h);
                }
            }
            assertThat(corrected.getTotalCount()).isEqualTo(result.total().responses()).isEqualTo(600);
            assertThat(uncorrected.getTotalCount()).isEqualTo(600);
            assertThat(corrected.getValueAtPercentile(99))
                    .isEqualTo(result.total().correctedLatency().getValueAtPercentile(99));
        }
    }
}

package io.relia.chaos.run;

import io.relia.chaos.experiment.Activity;
import io.relia.chaos.experiment.ConditionParser;
import io.relia.chaos.experiment.Provider;
import io.relia.chaos.experiment.Strategies;
import io.relia.chaos.experiment.Tolerance;
import io.relia.chaos.experiment.Traffic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.relia.chaos.run.TestExperiments.HERE;
import static io.relia.chaos.run.TestExperiments.experiment;
import static io.relia.chaos.run.TestExperiments.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A steady state or probe that does not hold says why, in an operator's words: connection refused to which
 * address, which HTTP status from which URL, no answer within which limit.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FailureReasonsTest {

    private static final RunOptions FAST = RunOptions.DEFAULTS.withProbeInterval(Duration.ofMillis(100));

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The source's snapshot once a request has completed (bounded by a deadline, not asserted on time). */
    private static TrafficSource.Snapshot firstAnswers(TrafficSource source) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        TrafficSource.Snapshot snapshot = source.snapshot();
        while (snapshot.requests() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            snapshot = source.snapshot();
        }
        return snapshot;
    }

    @Test
    void trafficToAClosedPortFailsWithConnectionRefusedToThatAddress() throws Exception {
        int port = closedPort();
        Traffic traffic = new Traffic(URI.create("http://127.0.0.1:" + port + "/checkout"), "GET", Map.of(), "", 20,
                Duration.ofSeconds(1), Duration.ofSeconds(5));

        try (TrafficSource source = TrafficSource.start(traffic)) {
            TrafficSource.Snapshot snapshot = firstAnswers(source);

            assertThat(snapshot.failures()).containsOnlyKeys("connection refused to 127.0.0.1:" + port);
            assertThat(snapshot.basis()).matches("\\d+ requests? in the last 5s, \\d+ failed: connection refused "
                    + "to 127\\.0\\.0\\.1:" + port);
        }
    }

    @Test
    void trafficToATargetThatNeverAnswersFailsWithTheTimeoutItWaited() throws Exception {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            URI url = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/checkout");
            Traffic traffic = new Traffic(url, "GET", Map.of(), "", 20, Duration.ofMillis(300), Duration.ofSeconds(5));

            try (TrafficSource source = TrafficSource.start(traffic)) {
                assertThat(firstAnswers(source).failures()).containsOnlyKeys("no answer from " + url
                        + " within 300ms (timeout)");
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void aSteadyStateThatDoesNotHoldBeforeTheMethodSaysWhichStatusFromWhichUrl() throws Exception {
        try (TargetServer server = new TargetServer()) {
            Activity errors = Activity.probe("steady state: error_rate < 1%", new Provider.Metric("error_rate"),
                    new Tolerance.Meets(ConditionParser.parse("error_rate < 1%").orThrow()), HERE);
            var experiment = experiment(List.of(errors), List.of(), List.of(), List.of(),
                    Optional.of(TestExperiments.traffic(server)), Strategies.DEFAULT);
            RunListener breakAfterTheChecks = new RunListener() {
                @Override
                public void targets(Targets.Report report) {
                    server.breakNow();
                }
            };

            Journal journal = new ExperimentRunner(experiment, FAST, breakAfterTheChecks).run();

            assertThat(journal.before().orElseThrow().met()).isFalse();
            assertThat(journal.abortReason()).startsWith("the steady state did not hold before the method, so "
                    + "nothing was injected: error_rate < 1%: measured 100.00% (").contains("HTTP 500 from "
                    + server.uri("/health"));
            assertThat(journal.before().orElseThrow().probes().getFirst().detail().orElseThrow())
                    .startsWith("100.00% (");
        }
    }

    @Test
    void anHttpProbeThatCannotConnectSaysConnectionRefusedNotAnExceptionClass() throws Exception {
        int port = closedPort();
        Activity probe = Activity.probe("health", get(URI.create("http://127.0.0.1:" + port + "/health")),
                new Tolerance.Equals(200L), HERE);
        try (ActivityExecutor executor = new ActivityExecutor(experiment(List.of(probe), List.of(), List.of()),
                Optional.empty(), new UndoLog())) {
            Journal.ActivityRun run = executor.execute(probe);

            assertThat(run.succeeded()).isFalse();
            assertThat(run.exception().orElseThrow()).isEqualTo("GET http://127.0.0.1:" + port + "/health: "
                    + "connection refused to 127.0.0.1:" + port);
            assertThat(ExperimentReport.outcome(run)).isEqualTo("health: could not measure: GET http://127.0.0.1:"
                    + port + "/health: connection refused to 127.0.0.1:" + port);
        }
    }
}

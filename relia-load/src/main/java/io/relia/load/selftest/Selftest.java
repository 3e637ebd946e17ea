package io.relia.load.selftest;

import io.relia.load.run.LoadListener;
import io.relia.load.run.LoadOptions;
import io.relia.load.run.LoadResult;
import io.relia.load.run.LoadRunner;
import io.relia.load.run.LoadStats;
import io.relia.load.scenario.LoadProfile;
import io.relia.load.scenario.RequestTemplate;
import io.relia.load.scenario.Scenario;
import io.relia.load.scenario.Target;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Proves the coordinated-omission correction on this machine. A test server pauses for {@code T} while requests
 * arrive at a constant rate {@code R} over a run of length {@code P}. Arrivals during the pause, at {@code s + u},
 * all complete when it ends, so their latency is {@code T − u}, spread evenly over (0, T]; everything else is fast.
 * The share of requests slower than {@code x} is therefore {@code (T − x)/P}, and the corrected q-quantile is
 * {@code T − (1 − q)·P} while {@code (1 − q)·P < T}. A 1 s pause in 10 s gives p99 ≈ 0.9 s. Latency measured
 * from the actual send time sees only the few requests in flight when the pause began: it stays near the service
 * time.
 */
public final class Selftest {

    /** The percentiles compared with theory. */
    static final double[] PERCENTILES = {90, 95, 97.5, 99, 99.5, 99.9};

    /** A first second, left out of the measurement, in which the JIT compiles the hot paths. */
    static final Duration WARMUP = Duration.ofSeconds(1);

    private Selftest() {
    }

    /**
     * Runs the experiment.
     *
     * @param rate        requests per second
     * @param run         the run's length P
     * @param pause       the server's pause T (at most half of P)
     * @param connections connections (few, so the uncorrected view sees few stalled requests)
     * @param tolerance   allowed relative error of each corrected percentile, e.g. 0.05
     * @param listener    progress
     */
    public static Outcome run(double rate, Duration run, Duration pause, int connections, double tolerance,
            LoadListener listener) throws InterruptedException {
        if (pause.compareTo(run.dividedBy(2)) > 0) {
            throw new IllegalArgumentException("the pause must be at most half the run");
        }
        try (TestServer server = TestServer.start()) {
            double seconds = run.toNanos() / 1e9;
            double pauseSeconds = pause.toNanos() / 1e9;
            double warmup = WARMUP.toNanos() / 1e9;
            // Pause a quarter into the measured run, so the backlog drains well before the end.
            server.pauseAfter(Math.max(1, (long) (rate * (warmup + seconds / 4))), pause);
            Scenario scenario = new Scenario("selftest", new Target(false, "127.0.0.1", server.port(), false),
                    List.of(RequestTemplate.get("/")), Optional.empty(),
                    new LoadProfile.Constant(rate, run.plus(WARMUP)),
                    connections, WARMUP, Duration.ofSeconds(30), List.of());
            LoadResult result = new LoadRunner(scenario, LoadOptions.defaults(), listener).run();
            LoadStats total = result.total();
            List<Row> rows = new ArrayList<>();
            boolean pass = server.pauseStartedAt() != Long.MAX_VALUE;
            for (double q : PERCENTILES) {
                double expected = pauseSeconds - (1 - q / 100) * seconds;
                // Compared where the theory's value is at least 4/5 of the pause. The theory assumes the backlog
                // leaves the moment the pause ends; really it drains through the connections in some milliseconds
                // (more on a busy machine), which is a large share of the smaller values.
                if (expected < pauseSeconds * 0.8 - 1e-9) {
                    continue;
                }
                double measured = total.latencyPercentileMillis(q) / 1000;
                double error = (measured - expected) / expected;
                boolean ok = Math.abs(error) <= tolerance;
                pass &= ok;
                rows.add(new Row(q, expected * 1000, measured * 1000, error, total.uncorrectedPercentileMillis(q),
                        ok));
            }
            double uncorrectedP99 = total.uncorrectedPercentileMillis(99);
            boolean uncorrectedNear = uncorrectedP99 < pauseSeconds * 1000 / 10;
            pass &= uncorrectedNear && total.errors() == 0;
            return new Outcome(rate, run, pause, connections, tolerance, rows, uncorrectedP99,
                    total.uncorrectedPercentileMillis(50), total.requests(), total.errors(), pass, result);
        }
    }

    /** One percentile: theory and measurement, ms; {@code error} relative (0.01 = 1%). */
    public record Row(double percentile, double expectedMillis, double correctedMillis, double error,
            double uncorrectedMillis, boolean pass) {
    }

    /** The experiment's result. */
    public record Outcome(double rate, Duration run, Duration pause, int connections, double tolerance,
            List<Row> rows, double uncorrectedP99Millis, double uncorrectedP50Millis, long requests, long errors,
            boolean pass, LoadResult result) {
    }
}

package io.relia.load.selftest;

import io.relia.load.run.LoadListener;
import io.relia.load.run.LoadOptions;
import io.relia.load.run.LoadRunner;
import io.relia.load.scenario.LoadProfile;
import io.relia.load.scenario.Scenario;
import io.relia.load.scenario.Target;

import java.time.Duration;

/**
 * Runs the load generator's hot paths for a moment against a built-in server on 127.0.0.1, never the target, so the
 * JIT has compiled them before the first measured request. Without it the first seconds of a JVM run send slower
 * than scheduled, and an open-model run at tens of thousands of requests per second starts with a backlog that is
 * (correctly) reported as latency the target never caused.
 */
public final class JitWarmup {

    private JitWarmup() {
    }

    /** Sends the scenario's own requests (same templates and variables) to a local server for {@code duration}. */
    public static void run(Scenario scenario, int threads, Duration duration) throws InterruptedException {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try (TestServer server = TestServer.start()) {
            Scenario local = new Scenario(scenario.name(), new Target(false, "127.0.0.1", server.port(), false),
                    scenario.requests(), scenario.variables(), new LoadProfile.Closed(duration, Duration.ZERO),
                    Math.min(scenario.connections(), 16), Duration.ZERO, Duration.ofSeconds(5), java.util.List.of());
            new LoadRunner(local, LoadOptions.defaults().withThreads(threads), LoadListener.NONE).run();
        }
    }
}

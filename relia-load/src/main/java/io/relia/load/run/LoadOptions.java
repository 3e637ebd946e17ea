package io.relia.load.run;

import java.time.Duration;
import java.util.Objects;

/**
 * How a run is carried out, beyond what the scenario says.
 *
 * @param threads        event loops sending requests (each owns a share of the connections and of the arrivals)
 * @param interval       how often statistics are collected, reported and logged
 * @param window         the sliding window thresholds are evaluated over during the run
 * @param abortOnFail    stop as soon as a threshold fails over a full window (after warm-up)
 * @param lateTolerance  a send later than this after its intended time counts as late
 */
public record LoadOptions(int threads, Duration interval, Duration window, boolean abortOnFail,
        Duration lateTolerance) {

    public LoadOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(lateTolerance, "lateTolerance");
        if (interval.toMillis() < 10) {
            throw new IllegalArgumentException("interval must be at least 10ms: " + interval);
        }
        if (window.compareTo(interval) < 0) {
            throw new IllegalArgumentException("window must be at least one interval: " + window);
        }
    }

    /** One thread, one-second intervals, a 10-second window, no abort, 1 ms lateness tolerance. */
    public static LoadOptions defaults() {
        return new LoadOptions(1, Duration.ofSeconds(1), Duration.ofSeconds(10), false, Duration.ofMillis(1));
    }

    public LoadOptions withThreads(int n) {
        return new LoadOptions(n, interval, window, abortOnFail, lateTolerance);
    }

    public LoadOptions withAbortOnFail(boolean abort) {
        return new LoadOptions(threads, interval, window, abort, lateTolerance);
    }

    public LoadOptions withWindow(Duration w) {
        return new LoadOptions(threads, interval, w, abortOnFail, lateTolerance);
    }

    public LoadOptions withInterval(Duration i) {
        return new LoadOptions(threads, i, window, abortOnFail, lateTolerance);
    }
}

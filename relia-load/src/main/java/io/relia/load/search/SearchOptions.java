package io.relia.load.search;

import java.time.Duration;
import java.util.Objects;

/**
 * How the maximum-sustainable-throughput search proceeds.
 *
 * @param startRate    the first rate tried, req/s
 * @param maxRate      the highest rate tried, req/s (the search never goes beyond it)
 * @param step         how long each step runs, its warm-up included
 * @param stepWarmup   the start of each step left out of its verdict (queues settle, connections warm)
 * @param precision    stop when the gap between the last passing and first failing rate is below this share of
 *                     the passing rate (0.05 = 5%)
 * @param maxSteps     a bound on the number of steps
 * @param minSendRatio a step whose requests left at less than this share of the intended rate is a failure of
 *                     the load generator, not of the target, and ends the search
 */
public record SearchOptions(double startRate, double maxRate, Duration step, Duration stepWarmup, double precision,
        int maxSteps, double minSendRatio) {

    public SearchOptions {
        if (!(startRate > 0) || !(maxRate >= startRate) || Double.isInfinite(maxRate)) {
            throw new IllegalArgumentException("need 0 < start rate <= max rate: " + startRate + ", " + maxRate);
        }
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(stepWarmup, "stepWarmup");
        if (stepWarmup.compareTo(step) >= 0) {
            throw new IllegalArgumentException("the step warm-up must be shorter than the step");
        }
        if (!(precision > 0 && precision < 1)) {
            throw new IllegalArgumentException("precision must be between 0 and 1: " + precision);
        }
        if (maxSteps < 2) {
            throw new IllegalArgumentException("at least 2 steps: " + maxSteps);
        }
    }

    /** Start at 100 req/s, up to 100,000; 30 s steps with 5 s warm-up; 5% precision; at most 30 steps. */
    public static SearchOptions defaults() {
        return new SearchOptions(100, 100_000, Duration.ofSeconds(30), Duration.ofSeconds(5), 0.05, 30, 0.95);
    }
}

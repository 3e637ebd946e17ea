package io.relia.slo.prometheus;

import java.time.Duration;

/**
 * Exponential backoff with full jitter, as in "Exponential Backoff And Jitter" (AWS Architecture Blog, 2015): retry
 * {@code n} (0-based) waits a uniformly random time in {@code [0, min(max, initial * 2^n))}, so clients that failed
 * together do not retry together.
 *
 * @param initial ceiling of the first wait, positive
 * @param max     largest ceiling, at least {@code initial}
 */
record Backoff(Duration initial, Duration max) {

    Backoff {
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial backoff must be positive: " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max backoff " + max + " is below the initial backoff " + initial);
        }
    }

    /** The ceiling of the wait before retry {@code retry}: {@code min(max, initial * 2^retry)}. */
    Duration ceiling(int retry) {
        if (retry >= 62 || initial.toNanos() > (max.toNanos() >> Math.max(0, retry))) {
            return max;
        }
        return Duration.ofNanos(Math.min(max.toNanos(), initial.toNanos() << retry));
    }

    /** The wait before retry {@code retry}, given {@code random} uniform in {@code [0, 1)}. */
    Duration delay(int retry, double random) {
        if (retry < 0 || !(random >= 0 && random < 1)) {
            throw new IllegalArgumentException("retry " + retry + " and random " + random + " out of range");
        }
        return Duration.ofNanos((long) (ceiling(retry).toNanos() * random));
    }
}

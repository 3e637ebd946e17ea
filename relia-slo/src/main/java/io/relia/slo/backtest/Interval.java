package io.relia.slo.backtest;

import java.time.Duration;
import java.time.Instant;

/**
 * A span of time: an alert firing, an incident, a burn that went unpaged.
 *
 * @param start first evaluation time inside it
 * @param end   last evaluation time inside it (inclusive)
 */
public record Interval(Instant start, Instant end) {

    public Interval {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end " + end + " before start " + start);
        }
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    /** True when the two share at least one instant. */
    public boolean overlaps(Instant from, Instant to) {
        return !start.isAfter(to) && !end.isBefore(from);
    }
}

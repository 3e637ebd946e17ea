package io.relia.slo.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The evaluation times of a range query: {@code start}, {@code start + step}, ... up to and including {@code end},
 * as Prometheus' {@code query_range} evaluates them. An instant query is a grid of one point.
 *
 * @param start first evaluation time
 * @param end   last evaluation time (included when it falls on a step)
 * @param step  distance between evaluation times, positive
 */
public record TimeGrid(Instant start, Instant end, Duration step) {

    public TimeGrid {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(step, "step");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end " + end + " is before start " + start);
        }
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("step must be positive: " + step);
        }
    }

    /** A grid of the single time {@code at}. */
    public static TimeGrid at(Instant at) {
        return new TimeGrid(at, at, Duration.ofMinutes(1));
    }

    /** Number of evaluation times. */
    public int size() {
        return Math.toIntExact((end.toEpochMilli() - start.toEpochMilli()) / step.toMillis() + 1);
    }

    /** The {@code index}-th evaluation time in epoch milliseconds. */
    public long millisAt(int index) {
        return start.toEpochMilli() + index * step.toMillis();
    }

    /** The {@code index}-th evaluation time. */
    public Instant at(int index) {
        return Instant.ofEpochMilli(millisAt(index));
    }
}

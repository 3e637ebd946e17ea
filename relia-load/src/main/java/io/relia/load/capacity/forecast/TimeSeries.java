package io.relia.load.capacity.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Values on a regular time grid: {@code values[i]} is the value at {@code start + i·step}. Missing values are NaN
 * only before resampling; models receive gap-free series.
 */
public record TimeSeries(Instant start, Duration step, double[] values) {

    public TimeSeries {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(step, "step");
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("step must be positive: " + step);
        }
        values = values.clone();
    }

    public int size() {
        return values.length;
    }

    public double value(int i) {
        return values[i];
    }

    public Instant time(int i) {
        return start.plus(step.multipliedBy(i));
    }

    /** The instant just after the last value: where a forecast starts. */
    public Instant end() {
        return time(values.length);
    }

    /** A copy of the values. */
    @Override
    public double[] values() {
        return values.clone();
    }
}

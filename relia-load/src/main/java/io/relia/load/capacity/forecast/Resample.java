package io.relia.load.capacity.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Puts irregular samples on a regular grid, the protocol of {@code shared/research/forecast-protocol.md}: the mean of
 * each bin {@code [t, t+step)}, bins aligned to the step from the first timestamp floored to the step (epoch-based,
 * UTC); a first or last bin holding fewer than half the usual (median) number of samples is dropped; empty bins take
 * the previous bin's value.
 */
public final class Resample {

    private Resample() {
    }

    /**
     * Bins {@code values} observed at {@code times} (ascending or not; NaN values are ignored) into means per
     * {@code step}.
     *
     * @throws IllegalArgumentException when the inputs differ in length or no finite value remains
     */
    public static TimeSeries toGrid(List<Instant> times, double[] values, Duration step) {
        Objects.requireNonNull(step, "step");
        if (times.size() != values.length) {
            throw new IllegalArgumentException("times and values differ in length: " + times.size() + " vs "
                    + values.length);
        }
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("step must be positive: " + step);
        }
        long stepNanos = step.toNanos();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                long t = epochNanos(times.get(i));
                first = Math.min(first, t);
                last = Math.max(last, t);
            }
        }
        if (first == Long.MAX_VALUE) {
            throw new IllegalArgumentException("no finite value to resample");
        }
        long origin = Math.floorDiv(first, stepNanos) * stepNanos;
        int bins = Math.toIntExact((last - origin) / stepNanos + 1);
        double[] sum = new double[bins];
        int[] count = new int[bins];
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                int bin = (int) ((epochNanos(times.get(i)) - origin) / stepNanos);
                sum[bin] += values[i];
                count[bin]++;
            }
        }
        int usual = medianNonZero(count);
        int from = count[0] * 2 < usual ? 1 : 0;
        int to = bins > from + 1 && count[bins - 1] * 2 < usual ? bins - 1 : bins;
        while (from < to && count[from] == 0) {
            from++;
        }
        if (from >= to) {
            throw new IllegalArgumentException("too few samples to fill one " + step + " bin");
        }
        double[] grid = new double[to - from];
        for (int b = from; b < to; b++) {
            grid[b - from] = count[b] > 0 ? sum[b] / count[b] : grid[b - from - 1];
        }
        return new TimeSeries(Instant.ofEpochSecond(0, origin).plus(step.multipliedBy(from)), step, grid);
    }

    private static long epochNanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    private static int medianNonZero(int[] count) {
        int[] nonZero = Arrays.stream(count).filter(c -> c > 0).sorted().toArray();
        return nonZero[nonZero.length / 2];
    }
}

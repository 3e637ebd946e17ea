package io.relia.incident.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Count, mean, median and 90th percentile of a set of durations. The median is the middle value of the sorted
 * durations, or the mean of the two middle values when the count is even; p90 is the nearest-rank percentile, the
 * value at rank ⌈0.9 × n⌉ (1-based) of the sorted durations, so it is always one of the measured values. A mean
 * next to the median and p90 shows when one long incident dominates it.
 *
 * @param count  how many durations; when 0, the other fields are zero and mean nothing
 * @param mean   arithmetic mean
 * @param median middle value (mean of the two middle values for an even count)
 * @param p90    nearest-rank 90th percentile
 */
public record DurationStats(int count, Duration mean, Duration median, Duration p90) {

    /** No durations measured. */
    public static final DurationStats EMPTY = new DurationStats(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public DurationStats {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0: " + count);
        }
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(median, "median");
        Objects.requireNonNull(p90, "p90");
    }

    /** The statistics of {@code durations}, in any order. */
    public static DurationStats of(List<Duration> durations) {
        if (durations.isEmpty()) {
            return EMPTY;
        }
        List<Duration> sorted = new ArrayList<>(durations);
        sorted.sort(null);
        int n = sorted.size();
        Duration total = sorted.stream().reduce(Duration.ZERO, Duration::plus);
        Duration median = n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
        int p90Rank = (9 * n + 9) / 10;
        return new DurationStats(n, total.dividedBy(n), median, sorted.get(p90Rank - 1));
    }

    public boolean isEmpty() {
        return count == 0;
    }
}

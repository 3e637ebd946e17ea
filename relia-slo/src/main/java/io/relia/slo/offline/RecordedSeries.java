package io.relia.slo.offline;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One recorded series: its labels (metric name under {@code __name__}) and its samples in time order.
 *
 * @param labels     labels sorted by name, {@code __name__} included
 * @param timestamps sample times in epoch milliseconds, strictly increasing
 * @param values     sample values, one per timestamp
 */
public record RecordedSeries(SortedMap<String, String> labels, long[] timestamps, double[] values) {

    public RecordedSeries {
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        Objects.requireNonNull(timestamps, "timestamps");
        Objects.requireNonNull(values, "values");
        if (timestamps.length != values.length) {
            throw new IllegalArgumentException(timestamps.length + " timestamps for " + values.length + " values");
        }
        for (int i = 1; i < timestamps.length; i++) {
            if (timestamps[i] <= timestamps[i - 1]) {
                throw new IllegalArgumentException("timestamps must increase: " + timestamps[i - 1] + " then "
                        + timestamps[i] + " in " + labels);
            }
        }
    }

    /** The metric name, empty when the series has none. */
    public String name() {
        return labels.getOrDefault("__name__", "");
    }

    public int size() {
        return timestamps.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordedSeries that && labels.equals(that.labels)
                && java.util.Arrays.equals(timestamps, that.timestamps) && java.util.Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return labels.hashCode();
    }

    @Override
    public String toString() {
        return labels + " (" + timestamps.length + " samples)";
    }
}

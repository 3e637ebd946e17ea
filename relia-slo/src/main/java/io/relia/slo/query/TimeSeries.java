package io.relia.slo.query;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One labelled series of a query result, with a value for each time of the {@link TimeGrid} it was evaluated on;
 * {@code NaN} where the series has no value at that time (Prometheus leaves such steps out).
 *
 * @param labels the series' labels, sorted by name ({@code __name__} included when the result keeps it)
 * @param values one value per grid time
 */
public record TimeSeries(SortedMap<String, String> labels, double[] values) {

    public TimeSeries {
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        Objects.requireNonNull(values, "values");
    }

    public static TimeSeries of(Map<String, String> labels, double[] values) {
        return new TimeSeries(new TreeMap<>(labels), values);
    }

    /** The value at grid index {@code index}, {@code NaN} when absent. */
    public double valueAt(int index) {
        return values[index];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TimeSeries that && labels.equals(that.labels)
                && java.util.Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return labels.hashCode() * 31 + java.util.Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return labels + "=" + java.util.Arrays.toString(values);
    }
}

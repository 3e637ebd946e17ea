package io.relia.slo.promql;

import java.util.SortedMap;

/**
 * The samples of one series with sums computed once, so every range function is O(1) per window after the cursor
 * moves: {@code adjusted} is the counter with resets undone (the increase between two samples is a difference),
 * {@code prefix} the running sum of values.
 */
final class Samples {

    final SortedMap<String, String> labels;
    final long[] timestamps;
    final double[] values;
    private volatile double[] adjusted;
    private volatile double[] prefix;

    Samples(SortedMap<String, String> labels, long[] timestamps, double[] values) {
        this.labels = labels;
        this.timestamps = timestamps;
        this.values = values;
    }

    /**
     * The counter with resets undone: a sample lower than the one before starts again from zero, so the increase
     * across it is the new value itself, as Prometheus' rate() counts it.
     */
    double[] adjusted() {
        double[] ready = adjusted;
        return ready != null ? ready : computeAdjusted();
    }

    private synchronized double[] computeAdjusted() {
        if (adjusted == null) {
            double[] result = new double[values.length];
            double correction = 0;
            for (int i = 0; i < values.length; i++) {
                if (i > 0 && values[i] < values[i - 1]) {
                    correction += values[i - 1];
                }
                result[i] = values[i] + correction;
            }
            adjusted = result;
        }
        return adjusted;
    }

    /** {@code prefix[i]} = sum of values[0..i-1]; length n + 1. */
    double[] prefix() {
        double[] ready = prefix;
        return ready != null ? ready : computePrefix();
    }

    private synchronized double[] computePrefix() {
        if (prefix == null) {
            double[] result = new double[values.length + 1];
            for (int i = 0; i < values.length; i++) {
                result[i + 1] = result[i] + values[i];
            }
            prefix = result;
        }
        return prefix;
    }
}

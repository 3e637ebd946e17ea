package io.relia.slo.promql;

/**
 * Finds, for evaluation times in increasing order, the samples of one series inside each range window, moving two
 * cursors forward instead of searching: a range query over n steps costs O(n + samples).
 * Prometheus 2 selects {@code [t - range, t]}; Prometheus 3 selects {@code (t - range, t]}.
 */
final class Window {

    private final long[] timestamps;
    private final boolean leftOpen;
    private int first;
    private int last = -1;
    private long previousEnd = Long.MIN_VALUE;

    Window(long[] timestamps, boolean leftOpen) {
        this.timestamps = timestamps;
        this.leftOpen = leftOpen;
    }

    /** Moves to the window ending at {@code end} (ms) of length {@code range} (ms); ends must not decrease. */
    void moveTo(long end, long range) {
        if (end < previousEnd) {
            first = 0;
            last = -1;
        }
        previousEnd = end;
        long start = end - range;
        while (first < timestamps.length && (leftOpen ? timestamps[first] <= start : timestamps[first] < start)) {
            first++;
        }
        if (last < first - 1) {
            last = first - 1;
        }
        while (last + 1 < timestamps.length && timestamps[last + 1] <= end) {
            last++;
        }
    }

    /** Index of the first sample in the window. */
    int first() {
        return first;
    }

    /** Index of the last sample in the window; less than {@link #first()} when the window is empty. */
    int last() {
        return last;
    }

    int count() {
        return Math.max(0, last - first + 1);
    }
}

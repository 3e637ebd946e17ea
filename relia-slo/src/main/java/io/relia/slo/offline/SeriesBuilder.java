package io.relia.slo.offline;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;

/** Samples of one series as a reader collects them, in growing primitive arrays. */
final class SeriesBuilder {

    private final SortedMap<String, String> labels;
    private long[] timestamps = new long[16];
    private double[] values = new double[16];
    private int size;
    private int lastLine;

    SeriesBuilder(SortedMap<String, String> labels) {
        this.labels = labels;
    }

    /** The metric name. */
    String name() {
        return labels.get("__name__");
    }

    /** Whether a sample at {@code timestamp} (epoch ms) may follow the samples so far: times strictly increase. */
    boolean accepts(long timestamp) {
        return size == 0 || timestamp > timestamps[size - 1];
    }

    /** Appends a sample that {@link #accepts} its time; {@code line} is remembered for messages. */
    void append(long timestamp, double value, int line) {
        if (size == timestamps.length) {
            int capacity = size + (size >> 1);
            timestamps = Arrays.copyOf(timestamps, capacity);
            values = Arrays.copyOf(values, capacity);
        }
        timestamps[size] = timestamp;
        values[size] = value;
        size++;
        lastLine = line;
    }

    /** "the previous sample of NAME{LABELS} at TIME (line N)", for a sample out of order. */
    String previousSample() {
        return "the previous sample of " + selector() + " at " + lastTime();
    }

    /** "TIME (line N)" of the last sample, for messages; the series must have one. */
    String lastTime() {
        return Instant.ofEpochMilli(timestamps[size - 1]) + " (line " + lastLine + ")";
    }

    /** The series as PromQL writes a selector: {@code name{label="value",...}}. */
    String selector() {
        StringBuilder text = new StringBuilder(labels.getOrDefault("__name__", ""));
        String separator = "{";
        for (Map.Entry<String, String> label : labels.entrySet()) {
            if (!label.getKey().equals("__name__")) {
                text.append(separator).append(label.getKey()).append("=\"").append(label.getValue()
                        .replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
                separator = ",";
            }
        }
        return separator.equals(",") ? text.append('}').toString() : text.toString();
    }

    RecordedSeries build() {
        return new RecordedSeries(labels, Arrays.copyOf(timestamps, size), Arrays.copyOf(values, size));
    }
}

package io.relia.slo.offline;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Time series recorded to a file, to evaluate SLOs without a Prometheus server: OpenMetrics text with timestamps
 * (what {@code promtool tsdb create-blocks-from openmetrics} reads) or a CSV of good/total or error/total counters.
 *
 * @param source where it was read from, for reports
 * @param format {@link Format#OPENMETRICS} or {@link Format#CSV}
 * @param series every series, each in time order
 */
public record RecordedData(Path source, Format format, List<RecordedSeries> series) {

    /** The file formats recorded data is read from. */
    public enum Format {
        OPENMETRICS, CSV
    }

    /** The metric of events per CSV row: a counter of all events, labelled {@code slo} when the CSV names one. */
    public static final String CSV_EVENTS_METRIC = "relia_events_total";

    /** The metric of bad events per CSV row (total − good, or the errors column). */
    public static final String CSV_ERRORS_METRIC = "relia_errors_total";

    public RecordedData {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        series = List.copyOf(series);
    }

    /**
     * Reads a recorded file, choosing the format by content and then by extension ({@code .om}, {@code .prom},
     * {@code .txt}: OpenMetrics; {@code .csv}: CSV).
     *
     * @throws io.relia.core.InputException with located problems when the file is missing, unreadable, not UTF-8 or
     *                                      malformed (the first 20 in full, then a count)
     */
    public static RecordedData load(Path file) {
        return RecordedDataLoader.load(file);
    }

    /** Time of the first sample of any series; empty data has none. */
    public java.util.Optional<Instant> first() {
        return series.stream().filter(s -> s.size() > 0).mapToLong(s -> s.timestamps()[0]).min()
                .stream().mapToObj(Instant::ofEpochMilli).findFirst();
    }

    /** Time of the last sample of any series. */
    public java.util.Optional<Instant> last() {
        return series.stream().filter(s -> s.size() > 0).mapToLong(s -> s.timestamps()[s.size() - 1]).max()
                .stream().mapToObj(Instant::ofEpochMilli).findFirst();
    }
}

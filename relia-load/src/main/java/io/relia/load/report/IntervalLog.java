package io.relia.load.report;

import io.relia.load.run.IntervalReport;
import io.relia.load.run.LoadListener;
import io.relia.load.run.LoadResult;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes each interval's latency histograms to an HdrHistogram interval log (microseconds; tags {@code corrected}
 * and {@code uncorrected}), the format HdrHistogram's HistogramLogProcessor and Relia's {@code load merge} read, so
 * runs on several machines combine into one distribution.
 */
public final class IntervalLog implements LoadListener, AutoCloseable {
    /** Tag of the latency measured from the intended send time. */
    public static final String CORRECTED = "corrected";
    /** Tag of the latency measured from the actual send time. */
    public static final String UNCORRECTED = "uncorrected";

    private final PrintStream out;
    private final HistogramLogWriter writer;
    private long startMillis;

    public IntervalLog(Path file) throws IOException {
        OutputStream stream = Files.newOutputStream(file);
        out = new PrintStream(stream, false, StandardCharsets.UTF_8);
        writer = new HistogramLogWriter(out);
    }

    /** Writes the header; {@code startMillis} is the run's start in epoch milliseconds. */
    public void start(long startMillis, String comment) {
        this.startMillis = startMillis;
        writer.outputComment("relia load interval log: " + comment);
        writer.outputLogFormatVersion();
        writer.outputStartTime(startMillis);
        writer.setBaseTime(startMillis);
        writer.outputLegend();
    }

    @Override
    public void interval(IntervalReport report) {
        write(report.stats().correctedLatency(), report.stats().startNanos(), report.stats().endNanos(), CORRECTED);
        write(report.stats().uncorrectedLatency(), report.stats().startNanos(), report.stats().endNanos(),
                UNCORRECTED);
        out.flush();
        if (out.checkError()) {
            throw new UncheckedIOException(new IOException("cannot write the interval log"));
        }
    }

    private void write(Histogram h, long startNanos, long endNanos, String tag) {
        Histogram copy = h.copy();
        copy.setStartTimeStamp(startMillis + startNanos / 1_000_000);
        copy.setEndTimeStamp(startMillis + endNanos / 1_000_000);
        copy.setTag(tag);
        // Values are microseconds: a unit ratio of 1000 makes the log's max column milliseconds.
        writer.outputIntervalHistogram(copy.getStartTimeStamp() / 1000.0, copy.getEndTimeStamp() / 1000.0, copy,
                1000.0);
    }

    @Override
    public void finished(LoadResult result) {
        out.flush();
    }

    @Override
    public void close() {
        out.close();
    }
}

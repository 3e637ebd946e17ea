package io.relia.load.report;

import io.relia.core.InputException;
import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.files.InputFiles;
import io.relia.core.files.RefusedFileException;
import io.relia.core.report.Document;
import io.relia.core.report.Document.Cell;
import io.relia.core.report.Report;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Interval logs of several runs (one per machine of a distributed test, or repeated runs) merged into one latency
 * distribution per tag. Histograms add exactly, so the merged p99 is the p99 of all requests, not an average of
 * per-machine p99s.
 *
 * @param files       the logs read
 * @param corrected   every {@code corrected} interval added up, µs
 * @param uncorrected every {@code uncorrected} interval added up, µs
 * @param intervals   interval histograms read
 */
public record MergedLogs(List<Path> files, Histogram corrected, Histogram uncorrected, int intervals) {

    /** Reads and merges the logs; a missing or malformed file is an input error naming it. */
    public static MergedLogs read(List<Path> files) {
        Histogram corrected = new Histogram(3);
        Histogram uncorrected = new Histogram(3);
        int intervals = 0;
        for (Path file : files) {
            if (!Files.exists(file)) {
                throw new InputException(Problem.error(Location.wholeFile(file), "no such interval log",
                        "an HdrHistogram interval log written by relia load run --out", ""));
            }
            try (InputStream in = InputFiles.newInputStream(file, InputFiles.MAX_DATA_BYTES);
                 HistogramLogReader reader = new HistogramLogReader(in)) {
                int before = intervals;
                while (reader.hasNext()) {
                    EncodableHistogram next = reader.nextIntervalHistogram();
                    if (!(next instanceof Histogram h)) {
                        continue;
                    }
                    intervals++;
                    if (IntervalLog.UNCORRECTED.equals(h.getTag())) {
                        uncorrected.add(h);
                    } else {
                        corrected.add(h);
                    }
                }
                if (intervals == before) {
                    throw new InputException(Problem.error(Location.wholeFile(file), "holds no interval histograms",
                            "an HdrHistogram interval log written by relia load run --out", ""));
                }
            } catch (RefusedFileException refused) {
                throw new InputException(refused.problem());
            } catch (IOException e) {
                throw new InputException(Problem.error(Location.wholeFile(file), "cannot read: " + e.getMessage(),
                        "a readable file", ""));
            } catch (RuntimeException e) {
                if (e instanceof InputException) {
                    throw e;
                }
                throw new InputException(Problem.error(Location.wholeFile(file), "is not an HdrHistogram interval log: "
                        + e.getMessage(), "an HdrHistogram interval log written by relia load run --out", ""));
            }
        }
        return new MergedLogs(List.copyOf(files), corrected, uncorrected, intervals);
    }

    /** The merged distribution as a report. */
    public Report report() {
        Document.Builder doc = new Document.Builder("Merged latency of " + files.size() + " interval log"
                + (files.size() == 1 ? "" : "s"));
        doc.paragraph(String.format(java.util.Locale.ROOT, "%,d requests in %,d interval histograms.",
                corrected.getTotalCount(), intervals));
        List<List<Cell>> rows = new ArrayList<>();
        double[] qs = {50, 90, 99, 99.9, 99.99, 100};
        for (double q : qs) {
            rows.add(List.of(Cell.of(q == 100 ? "max" : LoadReport.label(q)),
                    Cell.of(LoadReport.ms(LoadReport.millisAt(corrected, q))),
                    Cell.of(LoadReport.ms(LoadReport.millisAt(uncorrected, q)))));
        }
        doc.add(new Document.Table(List.of("percentile", "corrected", "uncorrected"), rows));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("files", files.stream().map(Path::toString).toList());
        data.put("requests", corrected.getTotalCount());
        data.put("intervals", intervals);
        data.put("unit", "ms");
        data.put("corrected", LoadReport.percentiles(corrected));
        data.put("uncorrected", LoadReport.percentiles(uncorrected));
        return new Report("load-merge", 1, data, doc.build());
    }
}

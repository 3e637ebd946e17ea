package io.relia.load.capacity;

import io.relia.core.InputException;
import io.relia.core.Location;
import io.relia.core.Problems;
import io.relia.core.files.InputFiles;
import io.relia.core.files.RefusedFileException;
import io.relia.load.capacity.forecast.Resample;
import io.relia.load.capacity.forecast.TimeSeries;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a usage history from CSV: a header {@code timestamp,value}, then one sample per line (timestamps ISO-8601,
 * {@code yyyy-MM-dd HH:mm:ss} UTC, or epoch seconds). Irregular samples are put on a regular grid with
 * {@link Resample#toGrid}: hourly when the data is finer than hourly and covers more than two weeks, else at the
 * median sampling interval.
 */
public final class UsageCsv {

    /** Most rows read: ten years of minutes; a bound so that a wrong file cannot exhaust memory. */
    static final int MAX_ROWS = 5_300_000;
    private static final Duration LONG_HISTORY = Duration.ofDays(14);

    private UsageCsv() {
    }

    /** Reads and resamples {@code file}; located problems are thrown as an {@link InputException}. */
    public static TimeSeries read(Path file) {
        Problems problems = new Problems();
        Optional<TimeSeries> series = read(file, problems);
        if (series.isEmpty()) {
            throw new InputException(problems.sorted());
        }
        return series.get();
    }

    /** Reads and resamples {@code file}; empty after adding problems (each row's at its line). */
    public static Optional<TimeSeries> read(Path file, Problems problems) {
        List<Instant> times = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        long errorsBefore = problems.errorCount();
        try (BufferedReader reader = InputFiles.newBufferedReader(file, StandardCharsets.UTF_8,
                InputFiles.MAX_DATA_BYTES)) {
            String header = reader.readLine();
            if (header == null || !header.strip().replace(" ", "").toLowerCase(Locale.ROOT)
                    .replace("\uFEFF", "").equals("timestamp,value")) {
                problems.error(new Location(file.toString(), 1, 1), "the header is not timestamp,value",
                        "a CSV file whose first line is timestamp,value", "");
                return Optional.empty();
            }
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (times.size() >= MAX_ROWS) {
                    problems.error(new Location(file.toString(), number, 1), "more than " + MAX_ROWS + " rows",
                            "at most " + MAX_ROWS + " samples", "aggregate the data (e.g. hourly) first");
                    break;
                }
                row(file, number, line, times, values, problems);
                if (problems.errorCount() - errorsBefore >= 20) {
                    break;
                }
            }
        } catch (RefusedFileException refused) {
            problems.add(refused.problem());
            return Optional.empty();
        } catch (NoSuchFileException missing) {
            problems.error(Location.wholeFile(file), "no such file", "a CSV file timestamp,value", "");
            return Optional.empty();
        } catch (MalformedInputException notUtf8) {
            problems.error(Location.wholeFile(file), "the file is not UTF-8 text", "a CSV file timestamp,value", "");
            return Optional.empty();
        } catch (IOException unreadable) {
            problems.error(Location.wholeFile(file), "cannot read the file: " + unreadable.getMessage(), "", "");
            return Optional.empty();
        }
        if (problems.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        if (times.size() < 2) {
            problems.error(Location.wholeFile(file), "fewer than two samples", "a usage history", "");
            return Optional.empty();
        }
        Optional<Duration> step = step(times);
        if (step.isEmpty()) {
            problems.error(Location.wholeFile(file), "every sample has the same time", "a usage history over time",
                    "");
            return Optional.empty();
        }
        double[] array = values.stream().mapToDouble(Double::doubleValue).toArray();
        return Optional.of(Resample.toGrid(times, array, step.get()));
    }

    private static void row(Path file, int number, String line, List<Instant> times, List<Double> values,
                            Problems problems) {
        int comma = line.lastIndexOf(',');
        if (comma < 0) {
            problems.error(new Location(file.toString(), number, 1), "the row has no comma",
                    "timestamp,value", "");
            return;
        }
        String time = line.substring(0, comma).strip();
        String value = line.substring(comma + 1).strip();
        Optional<Instant> at = CapacityValues.instant(time).orReport(problems,
                new Location(file.toString(), number, 1));
        double parsed;
        try {
            parsed = value.isEmpty() || value.equalsIgnoreCase("nan") ? Double.NaN : Double.parseDouble(value);
        } catch (NumberFormatException notANumber) {
            problems.error(new Location(file.toString(), number, comma + 2), "\"" + value + "\" is not a number",
                    "a usage value such as 1234.5", "");
            return;
        }
        if (Double.isInfinite(parsed) || parsed < 0) {
            problems.error(new Location(file.toString(), number, comma + 2), "\"" + value + "\" is not a usage",
                    "a finite number, 0 or more", "");
            return;
        }
        at.ifPresent(instant -> {
            times.add(instant);
            values.add(parsed);
        });
    }

    /** Hourly for long fine-grained histories (the forecast models' seasonal periods are in hours), else the median. */
    static Optional<Duration> step(List<Instant> times) {
        long[] sorted = times.stream().mapToLong(Instant::toEpochMilli).sorted().toArray();
        long[] gaps = new long[sorted.length - 1];
        for (int i = 1; i < sorted.length; i++) {
            gaps[i - 1] = sorted[i] - sorted[i - 1];
        }
        long[] positive = Arrays.stream(gaps).filter(gap -> gap > 0).sorted().toArray();
        if (positive.length == 0) {
            return Optional.empty();
        }
        Duration median = Duration.ofMillis(positive[positive.length / 2]);
        Duration span = Duration.ofMillis(sorted[sorted.length - 1] - sorted[0]);
        Duration hour = Duration.ofHours(1);
        return Optional.of(median.compareTo(hour) < 0 && span.compareTo(LONG_HISTORY) > 0 ? hour : median);
    }
}

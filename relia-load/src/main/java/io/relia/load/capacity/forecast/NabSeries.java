package io.relia.load.capacity.forecast;

import io.relia.core.files.InputFiles;
import io.relia.core.spec.InputLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A NAB series (Numenta Anomaly Benchmark CSV, {@code timestamp,value}, UTC) resampled to hours, with the hours that
 * overlap its labelled anomaly windows ({@code combined_windows.json}).
 *
 * @param name    the file name without {@code .csv}
 * @param hourly  hourly means, per {@link Resample}
 * @param anomaly {@code anomaly[i]}: whether hour {@code i} overlaps a labelled window
 */
record NabSeries(String name, TimeSeries hourly, boolean[] anomaly) {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");

    /** Reads {@code dir/name.csv} and its windows from {@code dir/combined_windows.json}. */
    static NabSeries read(Path dir, String name) {
        try {
            List<Instant> times = new ArrayList<>();
            List<String> lines = InputFiles.readString(dir.resolve(name + ".csv"), StandardCharsets.UTF_8,
                    InputFiles.MAX_DATA_BYTES).lines().toList();
            double[] values = new double[lines.size() - 1];
            for (int i = 1; i < lines.size(); i++) {
                String[] cells = lines.get(i).split(",", 2);
                times.add(parse(cells[0]));
                values[i - 1] = Double.parseDouble(cells[1]);
            }
            TimeSeries hourly = Resample.toGrid(times, values, Duration.ofHours(1));
            return new NabSeries(name, hourly, anomalyHours(dir, name, hourly));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read NAB series " + name + " in " + dir, e);
        }
    }

    private static boolean[] anomalyHours(Path dir, String name, TimeSeries hourly) throws IOException {
        JsonNode all = InputLimits.jsonMapper().readTree(InputFiles.readAllBytes(dir.resolve("combined_windows.json")));
        boolean[] anomaly = new boolean[hourly.size()];
        for (var entry : all.properties()) {
            if (!entry.getKey().endsWith("/" + name + ".csv")) {
                continue;
            }
            for (JsonNode window : entry.getValue()) {
                Instant from = parse(window.get(0).asString());
                Instant to = parse(window.get(1).asString());
                for (int i = 0; i < anomaly.length; i++) {
                    Instant hourStart = hourly.time(i);
                    anomaly[i] |= hourStart.isBefore(to.plusNanos(1)) && hourly.time(i + 1).isAfter(from);
                }
            }
        }
        return anomaly;
    }

    private static Instant parse(String timestamp) {
        return LocalDateTime.parse(timestamp, TIMESTAMP).toInstant(ZoneOffset.UTC);
    }
}

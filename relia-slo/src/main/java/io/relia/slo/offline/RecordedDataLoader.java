package io.relia.slo.offline;

import io.relia.core.InputException;
import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.files.InputFiles;
import io.relia.core.files.RefusedFileException;
import io.relia.slo.offline.RecordedData.Format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Opens a recorded file and picks its reader by content, as {@code relia review} discovers inputs: {@code # HELP},
 * {@code # TYPE}, {@code # UNIT}, {@code # EOF} or a sample line mean OpenMetrics, a comma-separated header with a
 * {@code timestamp} column means CSV; the file name extension decides only when the content does not.
 */
final class RecordedDataLoader {

    /** How much of the file the content check reads. */
    private static final int HEAD_BYTES = 64 * 1024;

    private static final String EXPECTED = "an OpenMetrics (.om) or CSV (.csv) file of recorded counters";

    private RecordedDataLoader() {
    }

    static RecordedData load(Path file) {
        Location whole = Location.wholeFile(file);
        try {
            if (Files.isDirectory(file)) {
                throw new InputException(Problem.error(whole, "is a directory", EXPECTED, ""));
            }
            InputFiles.requireRegularFile(file);
            if (Files.size(file) == 0) {
                throw new InputException(Problem.error(whole, "the file is empty", EXPECTED, ""));
            }
            Format format = detect(file, head(file)).orElseThrow(() -> new InputException(Problem.error(whole,
                    "cannot tell whether this is OpenMetrics or CSV", "OpenMetrics text (# TYPE lines, samples "
                            + "name{labels} value timestamp, # EOF) or a CSV whose header has a timestamp column",
                    "name the file .om or .csv")));
            try (InputStream in = InputFiles.newInputStream(file, InputFiles.MAX_DATA_BYTES)) {
                List<RecordedSeries> series = format == Format.OPENMETRICS ? OpenMetricsReader.read(file, in)
                        : CounterCsvReader.read(file, in);
                return new RecordedData(file, format, series);
            }
        } catch (RefusedFileException refused) {
            throw new InputException(Problem.error(whole, refused.reason(), EXPECTED, ""));
        } catch (NoSuchFileException missing) {
            throw new InputException(Problem.error(whole, "no such file", EXPECTED, ""));
        } catch (AccessDeniedException denied) {
            throw new InputException(Problem.error(whole, "permission denied", "a readable file", ""));
        } catch (IOException unreadable) {
            throw new InputException(Problem.error(whole, "cannot read the file: " + unreadable.getMessage(),
                    EXPECTED, ""));
        }
    }

    /** The format {@code head}, the start of the file's text, shows; else the one {@code file}'s extension names. */
    static Optional<Format> detect(Path file, String head) {
        for (String line : head.replace("\uFEFF", "").split("\r?\n")) {
            String text = line.strip();
            if (text.isEmpty()) {
                continue;
            }
            if (text.startsWith("#")) {
                if (text.equals("# EOF") || text.matches("# (HELP|TYPE|UNIT)\\s.*")) {
                    return Optional.of(Format.OPENMETRICS);
                }
                continue; // a comment: both formats allow them
            }
            if (text.matches("[a-zA-Z_:][a-zA-Z0-9_:]*(\\{.*|\\s.*)")) {
                return Optional.of(Format.OPENMETRICS);
            }
            if (text.contains(",") && List.of(text.toLowerCase(Locale.ROOT).split(",")).stream()
                    .map(field -> field.strip().replace("\"", "")).anyMatch("timestamp"::equals)) {
                return Optional.of(Format.CSV);
            }
            break;
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".om") || name.endsWith(".prom") || name.endsWith(".txt")) {
            return Optional.of(Format.OPENMETRICS);
        }
        return name.endsWith(".csv") ? Optional.of(Format.CSV) : Optional.empty();
    }

    /** The first {@link #HEAD_BYTES} of the file as text; bytes that are not UTF-8 become U+FFFD here. */
    private static String head(Path file) throws IOException {
        return new String(InputFiles.readHead(file, HEAD_BYTES), StandardCharsets.UTF_8);
    }
}

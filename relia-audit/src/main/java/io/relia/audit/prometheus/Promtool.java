package io.relia.audit.prometheus;

import io.relia.core.Location;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the real {@code promtool check rules FILE}, bounded by a timeout, and reads its errors with their lines. */
final class Promtool {

    /**
     * One error promtool reported.
     *
     * @param location the file, and the line when promtool gave one
     * @param message  promtool's message
     */
    record Error(Location location, String message) {
    }

    static final long TIMEOUT_SECONDS = 30;
    private static final Pattern LINE_COLUMN = Pattern.compile("^(\\d+):(\\d+): ");
    private static final Pattern LINE = Pattern.compile("\\bline (\\d+)\\b");

    private final Path executable;

    private Promtool(Path executable) {
        this.executable = executable;
    }

    /** promtool from the PATH, when installed. */
    static Optional<Promtool> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "promtool");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(new Promtool(candidate));
            }
        }
        return Optional.empty();
    }

    /** The errors of one rule file; empty when it passes. Throws IOException when promtool cannot run or hangs. */
    List<Error> checkRules(Path file) throws IOException {
        Path output = Files.createTempFile("relia-promtool", ".txt");
        try {
            Process process = new ProcessBuilder(executable.toString(), "check", "rules", file.toString())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("promtool check rules did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return process.exitValue() == 0 ? List.of()
                    : parse(file, Files.readString(output, StandardCharsets.UTF_8));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for promtool", interrupted);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** promtool's error lines ({@code FILE: 5:15: group ...}, {@code FILE: yaml: line 3: ...}) as located errors. */
    static List<Error> parse(Path file, String output) {
        Set<String> seen = new LinkedHashSet<>();
        List<Error> errors = new ArrayList<>();
        String prefix = file + ": ";
        for (String raw : output.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("Checking ") || line.startsWith("SUCCESS") || line.equals("FAILED:")
                    || !seen.add(line)) {
                continue;
            }
            String message = line.startsWith(prefix) ? line.substring(prefix.length()) : line;
            if (message.endsWith("errors:")) {
                continue;
            }
            int lineNumber = 0;
            int column = 0;
            Matcher lineColumn = LINE_COLUMN.matcher(message);
            Matcher lineOnly = LINE.matcher(message);
            if (lineColumn.find()) {
                lineNumber = Integer.parseInt(lineColumn.group(1));
                column = Integer.parseInt(lineColumn.group(2));
            } else if (lineOnly.find()) {
                lineNumber = Integer.parseInt(lineOnly.group(1));
            }
            errors.add(new Error(Location.of(file, lineNumber, column), message));
        }
        return errors;
    }
}

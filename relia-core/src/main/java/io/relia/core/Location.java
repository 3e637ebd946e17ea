package io.relia.core;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;

/**
 * A place in an input file: 1-based line and column; 0 means "unknown" (a whole-file problem).
 *
 * @param file   the file as the user named it (relative paths stay relative)
 * @param line   1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0 when unknown
 */
public record Location(String file, int line, int column) implements Comparable<Location> {

    private static final Comparator<Location> ORDER = Comparator.comparing(Location::file)
            .thenComparingInt(Location::line)
            .thenComparingInt(Location::column);

    public Location {
        Objects.requireNonNull(file, "file");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column are 1-based or 0 for unknown: " + line + ":" + column);
        }
    }

    public static Location of(Path file, int line, int column) {
        return new Location(file.toString(), line, column);
    }

    /** The whole file, without a line. */
    public static Location wholeFile(Path file) {
        return new Location(file.toString(), 0, 0);
    }

    /** Formats as {@code file:line:column}, leaving out what is unknown. */
    @Override
    public String toString() {
        if (line == 0) {
            return file;
        }
        return column == 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }

    @Override
    public int compareTo(Location other) {
        return ORDER.compare(this, other);
    }
}

package io.relia.core;

import io.relia.core.report.TerminalText;

import java.util.Comparator;
import java.util.Objects;

/**
 * Something wrong with an input, caused by the user and reported as a value, never as a stack trace.
 * Formats as {@code file:line:column: error|warning: what is wrong; expected what (hint: how to fix)}.
 *
 * @param location where it is
 * @param level    error (the input is rejected), warning (it is accepted) or note (how it was read, for the
 *                 commands that explain an input; no problem at all)
 * @param message  what is wrong, in one sentence without a trailing period
 * @param expected what was expected instead, or empty
 * @param hint     how to fix it, or empty
 */
public record Problem(Location location, Level level, String message, String expected, String hint)
        implements Comparable<Problem> {

    /** How bad a problem is; a note is information about how an input was read, not a problem. */
    public enum Level {
        ERROR, WARNING, NOTE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final Comparator<Problem> ORDER = Comparator.comparing(Problem::location)
            .thenComparing(Problem::level)
            .thenComparing(Problem::message);

    public Problem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
        expected = expected == null ? "" : expected;
        hint = hint == null ? "" : hint;
    }

    public static Problem error(Location location, String message, String expected, String hint) {
        return new Problem(location, Level.ERROR, message, expected, hint);
    }

    public static Problem error(Location location, String message) {
        return new Problem(location, Level.ERROR, message, "", "");
    }

    public static Problem warning(Location location, String message, String expected, String hint) {
        return new Problem(location, Level.WARNING, message, expected, hint);
    }

    public static Problem warning(Location location, String message) {
        return new Problem(location, Level.WARNING, message, "", "");
    }

    /** Information about how an input was read ("latency SLO read as ..."), shown by the commands that explain. */
    public static Problem note(Location location, String message, String hint) {
        return new Problem(location, Level.NOTE, message, "", hint);
    }

    public boolean isNote() {
        return level == Level.NOTE;
    }

    public boolean isError() {
        return level == Level.ERROR;
    }

    /** The same problem at another level (unknown keys become errors under {@code --strict}). */
    public Problem withLevel(Level newLevel) {
        return new Problem(location, newLevel, message, expected, hint);
    }

    /**
     * The one-line form of ARCHITECTURE.md "Messages", safe for a terminal: messages quote what the input says, so
     * control characters in it are escaped ({@link TerminalText#oneLine}).
     */
    public String format() {
        StringBuilder line = new StringBuilder()
                .append(location).append(": ").append(level.label()).append(": ").append(message);
        if (!expected.isEmpty()) {
            line.append("; expected ").append(expected);
        }
        if (!hint.isEmpty()) {
            line.append(" (hint: ").append(hint).append(')');
        }
        return TerminalText.oneLine(line.toString());
    }

    @Override
    public String toString() {
        return format();
    }

    @Override
    public int compareTo(Problem other) {
        return ORDER.compare(this, other);
    }
}

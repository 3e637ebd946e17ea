package io.relia.incident;

import java.util.Locale;
import java.util.Optional;

/**
 * Text that must stay on one line: titles, names of services, alerts and SLOs, labels, people, action item fields.
 * Line breaks (CR, LF, U+2028, U+2029), every other control character (C0, DEL, C1) and the bidirectional
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are refused: each can make a terminal, a table
 * or a chat message show something other than what is stored.
 */
public final class OneLine {

    private OneLine() {
    }

    /**
     * Why {@code text} is not one line, naming the first offending character by code point and position (never
     * echoing it), or empty when it is fine.
     *
     * @param what the field for people, e.g. "the title" or "service 2"
     */
    public static Optional<String> problem(String what, String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (forbidden(c)) {
                return Optional.of(what + " contains " + name(c) + " (U+" + String.format(Locale.ROOT, "%04X",
                        (int) c) + ") at character " + (i + 1) + "; it must be one line without control characters");
            }
        }
        return Optional.empty();
    }

    /**
     * {@code text} with every forbidden character replaced by a space, runs of white space collapsed into one and
     * the ends stripped: how alert intake takes titles it must not refuse.
     */
    public static String neutralise(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder clean = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean blank = forbidden(c) || Character.isWhitespace(c);
            if (!blank) {
                clean.append(c);
            } else if (!space) {
                clean.append(' ');
            }
            space = blank;
        }
        return clean.toString().strip();
    }

    static boolean forbidden(char c) {
        return Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static String name(char c) {
        return switch (c) {
            case '\n', '\u2028', '\u2029' -> "a line break";
            case '\r' -> "a carriage return";
            case '\t' -> "a tab";
            default -> c >= '\u202A' ? "a bidirectional control character" : "a control character";
        };
    }
}

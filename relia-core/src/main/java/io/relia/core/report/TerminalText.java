package io.relia.core.report;

import java.util.Locale;

/**
 * Text from files, alerts and the incident store made safe to print on a terminal. Control characters (C0, DEL, C1)
 * and Unicode's bidirectional controls would let such text clear the screen, set the window title, move the cursor
 * back over what was printed or reorder a line; here each is written out visibly instead ({@code \e}, {@code \r},
 * {@code \0}, {@code \x7f}, {@code \u202e}), so that a reader sees that something is there. The escaped form is for
 * reading, not for decoding: a backslash already in the text is printed as it is.
 */
public final class TerminalText {

    /** Columns between tab stops, as terminals and {@code expand} have them. */
    static final int TAB_STOP = 8;

    private TerminalText() {
    }

    /** The text on one line: every control character escaped, line feeds and tabs included. */
    public static String oneLine(String text) {
        return neutralise(text, false);
    }

    /**
     * The text with its lines kept: line feeds stay (a CR LF pair is a line feed), tabs become spaces up to the next
     * stop of every {@value #TAB_STOP} columns, every other control character is escaped.
     */
    public static String multiLine(String text) {
        return neutralise(text, true);
    }

    /**
     * Whether {@code c} would be escaped on one line: C0 controls, DEL, C1 controls, a bidirectional control or an
     * invisible character that hides or splits text.
     */
    public static boolean isControl(char c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f || isBidiControl(c) || isInvisible(c);
    }

    /**
     * Where the first control character is, or -1 when there is none; with {@code linesAllowed}, line feeds and tabs
     * do not count.
     */
    public static int indexOfControl(String text, boolean linesAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c) && !(linesAllowed && (c == '\n' || c == '\t'))) {
                return i;
            }
        }
        return -1;
    }

    /** How a control character is shown: {@code \e}, {@code \r}, {@code \x01}, {@code \u202e}; others as they are. */
    public static String escape(char c) {
        return switch (c) {
            case 0 -> "\\0";
            case 0x07 -> "\\a";
            case '\b' -> "\\b";
            case '\t' -> "\\t";
            case '\n' -> "\\n";
            case 0x0b -> "\\v";
            case '\f' -> "\\f";
            case '\r' -> "\\r";
            case 0x1b -> "\\e";
            default -> c <= 0x7f && isControl(c) ? String.format(Locale.ROOT, "\\x%02x", (int) c)
                    : isControl(c) ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c);
        };
    }

    /**
     * Left-to-right and right-to-left marks (U+200E, U+200F), the Arabic letter mark (U+061C), embeddings and
     * overrides (U+202A–U+202E) and isolates (U+2066–U+2069): they reorder what follows them on screen, the trick of
     * "Trojan Source" (Boucher and Anderson, 2021).
     */
    private static boolean isBidiControl(char c) {
        return c == 0x061c || c == 0x200e || c == 0x200f || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069;
    }

    /**
     * The zero-width space (U+200B), word joiner (U+2060) and byte order mark (U+FEFF), which print as nothing, and
     * the line and paragraph separators (U+2028, U+2029), which some terminals break lines at: each can make a command
     * or a title read as something it is not. The zero-width (non-)joiners stay: scripts and emoji sequences use them.
     */
    private static boolean isInvisible(char c) {
        return c == 0x200b || c == 0x2028 || c == 0x2029 || c == 0x2060 || c == 0xfeff;
    }

    private static String neutralise(String text, boolean lines) {
        if (text == null || indexOfControl(text, false) < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int lineStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (lines && c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                continue;
            }
            if (lines && c == '\n') {
                out.append(c);
                lineStart = out.length();
            } else if (lines && c == '\t') {
                int column = out.codePointCount(lineStart, out.length());
                out.append(" ".repeat(TAB_STOP - column % TAB_STOP));
            } else if (isControl(c)) {
                out.append(escape(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}

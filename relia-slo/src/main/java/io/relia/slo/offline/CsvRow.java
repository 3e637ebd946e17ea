package io.relia.slo.offline;

import java.util.Arrays;

/**
 * The fields of one CSV line (RFC 4180), as ranges of the line buffer so that numeric fields parse without
 * allocating. Quoted fields may hold commas and doubled quotes but, in recorded data, no line breaks. Blanks around
 * fields are dropped.
 */
final class CsvRow {

    private final LineErrors errors;
    private char[] c;
    private int[] starts = new int[8];
    private int[] ends = new int[8];
    private int[] positions = new int[8];
    private boolean[] doubledQuotes = new boolean[8];
    private int size;

    CsvRow(LineErrors errors) {
        this.errors = errors;
    }

    /** Splits {@code chars[start, end)}; false after reporting a quoted field that does not close properly. */
    boolean split(char[] chars, int start, int end) {
        c = chars;
        size = 0;
        int i = start;
        while (true) {
            i = skipBlanks(i, end);
            int position = i;
            int contentStart = i;
            int contentEnd;
            boolean doubled = false;
            if (i < end && c[i] == '"') {
                contentStart = ++i;
                while (i < end && (c[i] != '"' || i + 1 < end && c[i + 1] == '"')) {
                    doubled |= c[i] == '"';
                    i += c[i] == '"' ? 2 : 1;
                }
                if (i >= end) {
                    errors.error(end, "the quoted field is not closed", "a closing \"",
                            "fields cannot span lines in recorded data");
                    return false;
                }
                contentEnd = i;
                i = skipBlanks(i + 1, end);
                if (i < end && c[i] != ',') {
                    errors.error(i, "unexpected '" + c[i] + "' after a quoted field", ", or the end of the line", "");
                    return false;
                }
            } else {
                while (i < end && c[i] != ',') {
                    i++;
                }
                contentEnd = i;
                while (contentEnd > contentStart && (c[contentEnd - 1] == ' ' || c[contentEnd - 1] == '\t')) {
                    contentEnd--;
                }
            }
            add(contentStart, contentEnd, position, doubled);
            if (i >= end) {
                return true;
            }
            i++;
        }
    }

    int size() {
        return size;
    }

    /** Index of field {@code k}'s first char (its opening quote, if quoted), for locating problems. */
    int position(int k) {
        return positions[k];
    }

    int start(int k) {
        return starts[k];
    }

    int end(int k) {
        return ends[k];
    }

    /** Field {@code k} as text, doubled quotes undone. */
    String text(int k) {
        String text = new String(c, starts[k], ends[k] - starts[k]);
        return doubledQuotes[k] ? text.replace("\"\"", "\"") : text;
    }

    private void add(int start, int end, int position, boolean doubled) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
            positions = Arrays.copyOf(positions, size * 2);
            doubledQuotes = Arrays.copyOf(doubledQuotes, size * 2);
        }
        starts[size] = start;
        ends[size] = end;
        positions[size] = position;
        doubledQuotes[size] = doubled;
        size++;
    }

    private int skipBlanks(int from, int end) {
        int i = from;
        while (i < end && (c[i] == ' ' || c[i] == '\t')) {
            i++;
        }
        return i;
    }
}

package io.relia.slo.offline;

import java.util.Map;
import java.util.SortedMap;

/**
 * Parses the label set of an OpenMetrics sample, {@code {name="value",...}}, from a line buffer. Values unescape
 * {@code \\}, {@code \"} and {@code \n}; other backslashes stay as written, as in Prometheus' parser. A comma before
 * the closing brace and blanks around tokens are tolerated, as Prometheus text format 0.0.4 allows them.
 */
final class LabelSetParser {

    private static final String LABEL_NAME = "a label name matching [a-zA-Z_][a-zA-Z0-9_]*";

    private final char[] c;
    private final int limit;
    private final LineErrors errors;
    private int i;

    private LabelSetParser(char[] chars, int open, int limit, LineErrors errors) {
        this.c = chars;
        this.limit = limit;
        this.errors = errors;
        this.i = open + 1;
    }

    /**
     * Adds the labels of the set opening at {@code chars[open]} and closing before {@code limit} to {@code labels};
     * {@code strings} interns names and values. False after reporting the first problem.
     */
    static boolean parse(char[] chars, int open, int limit, SortedMap<String, String> labels,
            Map<String, String> strings, LineErrors errors) {
        return new LabelSetParser(chars, open, limit, errors).labels(labels, strings);
    }

    private boolean labels(SortedMap<String, String> labels, Map<String, String> strings) {
        skipBlanks();
        if (i < limit && c[i] == '}') {
            return true;
        }
        while (true) {
            int nameStart = i;
            while (i < limit && (isLetter(c[i]) || i > nameStart && c[i] >= '0' && c[i] <= '9')) {
                i++;
            }
            if (i == nameStart) {
                return fail("unexpected " + found() + " in the labels of " + labels.get("__name__"), LABEL_NAME);
            }
            String name = new String(c, nameStart, i - nameStart);
            skipBlanks();
            if (i >= limit || c[i] != '=') {
                return fail("unexpected " + found() + " after label name \"" + name + "\"", "= and a quoted value");
            }
            i++;
            skipBlanks();
            if (i >= limit || c[i] != '"') {
                return fail("the value of label \"" + name + "\" is not quoted", name + "=\"value\"");
            }
            String value = value();
            if (value == null) {
                errors.error(i, "the value of label \"" + name + "\" is not closed", "a closing \"",
                        "write a quote inside a value as \\\" and a line break as \\n");
                return false;
            }
            if (name.equals("__name__") || labels.containsKey(name)) {
                errors.error(nameStart, name.equals("__name__") ? "label __name__ repeats the metric name"
                        : "label \"" + name + "\" appears twice", "each label name once in a sample", "");
                return false;
            }
            labels.put(intern(strings, name), intern(strings, value));
            skipBlanks();
            if (i < limit && c[i] == ',') {
                i++;
                skipBlanks();
                if (i < limit && c[i] == '}') {
                    return true;
                }
            } else if (i < limit && c[i] == '}') {
                return true;
            } else {
                return fail("unexpected " + found() + " after the value of label \"" + name + "\"", ", or }");
            }
        }
    }

    /** The quoted value at {@code c[i]}, unescaped, with {@code i} after its closing quote; null if it never closes. */
    private String value() {
        StringBuilder value = null;
        int from = ++i;
        for (; i < limit; i++) {
            char ch = c[i];
            if (ch == '"') {
                String text = value == null ? new String(c, from, i - from) : value.append(c, from, i - from)
                        .toString();
                i++;
                return text;
            }
            if (ch == '\\' && i + 1 < limit) {
                char escaped = c[i + 1];
                if (escaped == '\\' || escaped == '"' || escaped == 'n') {
                    value = value == null ? new StringBuilder() : value;
                    value.append(c, from, i - from).append(escaped == 'n' ? '\n' : escaped);
                    i++;
                    from = i + 1;
                }
            }
        }
        return null;
    }

    private boolean fail(String message, String expected) {
        errors.error(i, message, expected, "");
        return false;
    }

    private void skipBlanks() {
        while (i < limit && (c[i] == ' ' || c[i] == '\t')) {
            i++;
        }
    }

    private String found() {
        return i >= limit ? "end of line" : "'" + c[i] + "'";
    }

    private static boolean isLetter(char ch) {
        return ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch == '_';
    }

    /** {@code text}, or the equal string {@code strings} already holds, so that series share label strings. */
    static String intern(Map<String, String> strings, String text) {
        String known = strings.putIfAbsent(text, text);
        return known == null ? text : known;
    }
}

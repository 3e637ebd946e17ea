package io.relia.slo.rules;

import java.util.List;
import java.util.Map;

/**
 * A YAML emitter for the one shape Prometheus rule files have (mappings, lists, strings). A general emitter spent
 * about 70% of {@code relia slo generate}'s time on 10,000 SLOs analysing every scalar (docs/benchmarks.md);
 * this one knows its shape: plain scalars when they are unambiguous, JSON-escaped double quotes otherwise (valid
 * YAML 1.2), literal blocks for multi-line expressions. SLO spec writers use it too (with booleans).
 */
public final class RuleYaml {

    private static final java.util.Set<String> RESERVED = java.util.Set.of("true", "false", "yes", "no", "on", "off",
            "null", "y", "n");

    private final StringBuilder out;

    RuleYaml(StringBuilder out) {
        this.out = out;
    }

    /** One YAML document of mappings, lists, strings, booleans and decimals, keys in the map's order. */
    public static String document(Map<String, ?> document) {
        StringBuilder out = new StringBuilder();
        new RuleYaml(out).mapping(document, 0, false);
        return out.toString();
    }

    /** Writes {@code key: value} pairs of a mapping at {@code indent} spaces; values are strings, maps or lists. */
    void mapping(Map<String, ?> map, int indent, boolean firstInListItem) {
        boolean first = true;
        for (Map.Entry<String, ?> entry : map.entrySet()) {
            if (!(first && firstInListItem)) {
                out.append(" ".repeat(indent));
            }
            first = false;
            out.append(scalar(entry.getKey())).append(':');
            value(entry.getValue(), indent);
        }
    }

    private void value(Object value, int indent) {
        switch (value) {
            case String text when text.contains("\n") -> literal(text, indent + 2);
            case String text -> out.append(' ').append(scalar(text)).append('\n');
            case Boolean bool -> out.append(' ').append(bool).append('\n');
            case java.math.BigDecimal number -> out.append(' ').append(number.toPlainString()).append('\n');
            case Map<?, ?> map when map.isEmpty() -> out.append(" {}\n");
            case Map<?, ?> map -> {
                out.append('\n');
                @SuppressWarnings("unchecked")
                Map<String, ?> typed = (Map<String, ?>) map;
                mapping(typed, indent + 2, false);
            }
            case List<?> list when list.isEmpty() -> out.append(" []\n");
            case List<?> list -> {
                out.append('\n');
                for (Object item : list) {
                    out.append(" ".repeat(indent + 2)).append("- ");
                    if (item instanceof Map<?, ?> map) {
                        @SuppressWarnings("unchecked")
                        Map<String, ?> typed = (Map<String, ?>) map;
                        mapping(typed, indent + 4, true);
                    } else {
                        out.append(scalar(String.valueOf(item))).append('\n');
                    }
                }
            }
            default -> throw new IllegalArgumentException("not a rule file value: " + value.getClass());
        }
    }

    /** A literal block: {@code |} keeps one trailing newline, {@code |-} none; lines stay exactly as written. */
    private void literal(String text, int indent) {
        boolean trailing = text.endsWith("\n");
        String body = trailing ? text.substring(0, text.length() - 1) : text;
        if (!literalSafe(body)) {
            out.append(' ').append(quoted(text)).append('\n');
            return;
        }
        out.append(trailing ? " |\n" : " |-\n");
        for (String line : body.split("\n", -1)) {
            if (!line.isEmpty()) {
                out.append(" ".repeat(indent)).append(line);
            }
            out.append('\n');
        }
    }

    /**
     * Literal blocks only for text that reads back unchanged: no empty lines, no leading blank on the first line
     * (it would set the block's indentation), no trailing blanks, no control or Unicode line-break characters.
     */
    private static boolean literalSafe(String body) {
        if (body.isEmpty() || body.startsWith(" ") || body.startsWith("\n") || body.endsWith("\n")
                || body.contains("\n\n")) {
            return false;
        }
        for (String line : body.split("\n", -1)) {
            if (line.endsWith(" ")) {
                return false;
            }
        }
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            boolean safe = c == '\n' || c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0) && c != 0x2028
                    && c != 0x2029 && c != 0xfeff;
            if (!safe) {
                return false;
            }
        }
        return true;
    }

    static String scalar(String text) {
        return isPlain(text) ? text : quoted(text);
    }

    /** Letters, digits and {@code _:./@-}, starting with a letter or {@code _}, and not a YAML boolean or null. */
    private static boolean isPlain(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        if (!(first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z' || first == '_')) {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
                    || c == ':' || c == '.' || c == '/' || c == '@' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return text.length() > 5 || !RESERVED.contains(text.toLowerCase(java.util.Locale.ROOT));
    }

    static String quoted(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0 || c == 0xfeff) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}

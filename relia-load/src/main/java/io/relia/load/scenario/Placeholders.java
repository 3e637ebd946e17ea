package io.relia.load.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Splits text with {@code ${column}} placeholders into literal and variable parts, once, at load time. */
final class Placeholders {

    /** A part of a text: literal text, or the value of a column. */
    sealed interface Part {
    }

    record Literal(String text) implements Part {
    }

    record Variable(String column) implements Part {
    }

    private Placeholders() {
    }

    /** The parts of {@code text}; a {@code ${} without its closing brace stays literal (see {@link #unclosed}). */
    static List<Part> split(String text) {
        List<Part> parts = new ArrayList<>();
        int from = 0;
        while (true) {
            int open = text.indexOf("${", from);
            int close = open < 0 ? -1 : text.indexOf('}', open + 2);
            if (open < 0 || close < 0) {
                if (from < text.length()) {
                    parts.add(new Literal(text.substring(from)));
                }
                return parts;
            }
            if (open > from) {
                parts.add(new Literal(text.substring(from, open)));
            }
            parts.add(new Variable(text.substring(open + 2, close).strip()));
            from = close + 1;
        }
    }

    /** The column names {@code text} refers to, in order. */
    static List<String> columns(String text) {
        return split(text).stream().filter(Variable.class::isInstance).map(part -> ((Variable) part).column())
                .toList();
    }

    /** The placeholder start that has no closing brace, if any: {@code ${user} and ${oops}. */
    static Optional<String> unclosed(String text) {
        int open = text.lastIndexOf("${");
        return open >= 0 && text.indexOf('}', open) < 0 ? Optional.of(text.substring(open)) : Optional.empty();
    }
}

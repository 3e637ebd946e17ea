package io.relia.slo.promql;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** The syntax tree of a PromQL expression, as far as offline evaluation supports PromQL. */
sealed interface Expr {

    /** A number literal. */
    record NumberLiteral(double value) implements Expr {
    }

    /** A string literal (only as a function argument). */
    record StringLiteral(String value) implements Expr {
    }

    /** One label matcher of a selector: {@code name op "value"}. */
    record Matcher(String name, String op, String value, Pattern regex) {

        static Matcher of(String name, String op, String value) {
            Pattern regex = op.endsWith("~") ? Pattern.compile(value, Pattern.DOTALL) : null;
            return new Matcher(name, op, value, regex);
        }

        boolean matches(String actual) {
            String seen = actual == null ? "" : actual;
            return switch (op) {
                case "=" -> seen.equals(value);
                case "!=" -> !seen.equals(value);
                case "=~" -> regex.matcher(seen).matches();
                case "!~" -> !regex.matcher(seen).matches();
                default -> throw new IllegalStateException(op);
            };
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Matcher that && name.equals(that.name) && op.equals(that.op)
                    && value.equals(that.value);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(name, op, value);
        }
    }

    /**
     * An instant vector selector.
     *
     * @param matchers all matchers, the metric name as a {@code __name__} matcher
     * @param offset   the {@code offset} modifier, zero when absent
     */
    record VectorSelector(List<Matcher> matchers, Duration offset) implements Expr {
    }

    /** A range vector selector: {@code selector[range]}. */
    record MatrixSelector(VectorSelector selector, Duration range) implements Expr {
    }

    /** A subquery: {@code expr[range:resolution]} (resolution zero = the default evaluation interval). */
    record Subquery(Expr expr, Duration range, Duration resolution, Duration offset) implements Expr {
    }

    /** A function call. */
    record Call(String function, List<Expr> args) implements Expr {
    }

    /**
     * An aggregation: {@code sum by (a, b) (expr)}.
     *
     * @param op        sum, avg, min, max, count, group, stddev, stdvar, topk, bottomk, quantile
     * @param grouping  the labels of {@code by} or {@code without}
     * @param without   true for {@code without}
     * @param expr      what is aggregated
     * @param parameter the parameter of topk, bottomk and quantile, else null
     */
    record Aggregate(String op, List<String> grouping, boolean without, Expr expr, Expr parameter) implements Expr {
    }

    /**
     * How a binary operation matches series: {@code on}/{@code ignoring} labels, and {@code group_left/right}.
     *
     * @param on        true for {@code on(...)}, false for {@code ignoring(...)} or no clause
     * @param labels    the labels of the clause
     * @param card      one-to-one, many-to-one (group_left) or one-to-many (group_right)
     * @param include   extra labels of group_left/right
     */
    record Matching(boolean on, List<String> labels, Card card, List<String> include) {
        static final Matching DEFAULT = new Matching(false, List.of(), Card.ONE_TO_ONE, List.of());

        enum Card {
            ONE_TO_ONE, MANY_TO_ONE, ONE_TO_MANY
        }
    }

    /** A binary operation; {@code returnBool} is the {@code bool} modifier of comparisons. */
    record Binary(String op, Expr left, Expr right, boolean returnBool, Matching matching) implements Expr {
    }

    /** Unary minus. */
    record Negation(Expr expr) implements Expr {
    }
}

package io.relia.slo.promql;

import io.relia.slo.query.QueryException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The series a PromQL expression reads, as selectors in one canonical text form ({@code name{a="x",b=~"y"}},
 * matchers sorted, offsets dropped), so that callers can ask when those series start or compare two SLIs written
 * differently.
 */
public final class Selectors {

    private static final Comparator<Expr.Matcher> ORDER = Comparator.comparing(Expr.Matcher::name)
            .thenComparing(Expr.Matcher::op).thenComparing(Expr.Matcher::value);

    private Selectors() {
    }

    /**
     * Every distinct selector of {@code query}, in order of appearance.
     *
     * @throws QueryException when the query does not parse, or uses PromQL Relia does not read (kind UNSUPPORTED)
     */
    public static List<String> in(String query) throws QueryException {
        Expr tree = parse(query);
        Set<String> found = new LinkedHashSet<>();
        collect(tree, found);
        return List.copyOf(found);
    }

    /**
     * One label matcher of a selector, as written.
     *
     * @param name  the label name
     * @param op    {@code =}, {@code !=}, {@code =~} or {@code !~}
     * @param value the value, unescaped
     */
    public record LabelMatcher(String name, String op, String value) {
    }

    /**
     * A plain instant-vector selector: a metric name and label matchers, no offset.
     *
     * @param metric   the metric name
     * @param matchers the other matchers, in the order written
     */
    public record Vector(String metric, List<LabelMatcher> matchers) {
        public Vector {
            matchers = List.copyOf(matchers);
        }

        /** The value of the first {@code name="..."} matcher of {@code label}. */
        public java.util.Optional<String> equalTo(String label) {
            return matchers.stream().filter(m -> m.name().equals(label) && m.op().equals("="))
                    .map(LabelMatcher::value).findFirst();
        }
    }

    /**
     * Reads {@code text} as one instant-vector selector ({@code http_requests_total{code=~"5.."}}).
     *
     * @throws QueryException (kind BAD_QUERY) when it does not parse, is another expression, has no metric name or
     *                        has an offset
     */
    public static Vector vector(String text) throws QueryException {
        Expr tree = parse(text);
        if (!(tree instanceof Expr.VectorSelector selector)) {
            throw new QueryException(QueryException.Kind.BAD_QUERY, "\"" + text.strip() + "\" is not a plain "
                    + "metric selector");
        }
        if (!selector.offset().isZero()) {
            throw new QueryException(QueryException.Kind.BAD_QUERY, "\"" + text.strip() + "\" has an offset");
        }
        String name = "";
        List<LabelMatcher> others = new ArrayList<>();
        for (Expr.Matcher matcher : selector.matchers()) {
            if (name.isEmpty() && matcher.name().equals("__name__") && matcher.op().equals("=")) {
                name = matcher.value();
            } else {
                others.add(new LabelMatcher(matcher.name(), matcher.op(), matcher.value()));
            }
        }
        if (name.isEmpty()) {
            throw new QueryException(QueryException.Kind.BAD_QUERY, "\"" + text.strip() + "\" names no metric");
        }
        return new Vector(name, others);
    }

    static Expr parse(String query) throws QueryException {
        try {
            return Parser.parse(query);
        } catch (PromQlSyntaxException bad) {
            QueryException.Kind kind = bad.getMessage().contains("not supported offline")
                    ? QueryException.Kind.UNSUPPORTED : QueryException.Kind.BAD_QUERY;
            throw new QueryException(kind, bad.getMessage() + ", in query: " + query);
        }
    }

    private static void collect(Expr expr, Set<String> found) {
        switch (expr) {
            case Expr.VectorSelector selector -> found.add(text(selector));
            case Expr.MatrixSelector matrix -> found.add(text(matrix.selector()));
            case Expr.Subquery sub -> collect(sub.expr(), found);
            case Expr.Call call -> call.args().forEach(arg -> collect(arg, found));
            case Expr.Aggregate aggregate -> {
                collect(aggregate.expr(), found);
                if (aggregate.parameter() != null) {
                    collect(aggregate.parameter(), found);
                }
            }
            case Expr.Binary binary -> {
                collect(binary.left(), found);
                collect(binary.right(), found);
            }
            case Expr.Negation negation -> collect(negation.expr(), found);
            case Expr.NumberLiteral ignored -> {
            }
            case Expr.StringLiteral ignored -> {
            }
        }
    }

    /** The canonical text of a selector: the metric name, then the other matchers sorted; no offset. */
    static String text(Expr.VectorSelector selector) {
        return text(selector.matchers());
    }

    static String text(List<Expr.Matcher> matchers) {
        String name = "";
        List<Expr.Matcher> others = new ArrayList<>();
        for (Expr.Matcher matcher : matchers) {
            if (name.isEmpty() && matcher.name().equals("__name__") && matcher.op().equals("=")) {
                name = matcher.value();
            } else {
                others.add(matcher);
            }
        }
        others.sort(ORDER);
        StringBuilder text = new StringBuilder(name);
        if (!others.isEmpty() || name.isEmpty()) {
            text.append('{');
            for (int i = 0; i < others.size(); i++) {
                Expr.Matcher matcher = others.get(i);
                text.append(i == 0 ? "" : ",").append(matcher.name()).append(matcher.op()).append('"')
                        .append(escape(matcher.value())).append('"');
            }
            text.append('}');
        }
        return text.toString();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}

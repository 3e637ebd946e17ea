package io.relia.slo.promql;

import io.relia.slo.Sli;
import io.relia.slo.query.QueryException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A normal form of an SLI that is equal for the same measurement written in different formats: the native
 * {@code good / total}, Sloth's {@code error_query}/{@code total_query} and OpenSLO's {@code ratioMetric} of one
 * counter all become {@code total=SELECTOR bad=SELECTOR}. Rules, applied on the parsed PromQL: a counter is
 * {@code sum(rate(S[w]))} or {@code sum(increase(S[w]))} (the same ratio); errors are total − good; good events
 * counted as the total's series plus one label matcher make the bad events the total's series plus the opposite
 * matcher ({@code status!~"5.."} ↔ {@code status=~"5.."}, {@code =} ↔ {@code !=}), which split the total's series
 * in two. Anything else is compared by its query text without whitespace.
 */
public final class SliSignature {

    private SliSignature() {
    }

    /**
     * An SLI read as counters: the total's selector and the bad (or, when no matcher splits the total, the good)
     * events' selector, both in {@link Selectors}' canonical text.
     *
     * @param total the total events' selector
     * @param part  the bad or good events' selector
     * @param bad   true when {@code part} counts bad events
     */
    public record Counted(String total, String part, boolean bad) {
        String form() {
            return "total=" + total + (bad ? " bad=" : " good=") + part;
        }
    }

    /** The SLI as counters, when it is a ratio of two {@code sum(rate(S[w]))} as the rules above read it. */
    public static Optional<Counted> counted(Sli sli) {
        return switch (sli) {
            case Sli.Events events -> events(events.errorQuery(), events.totalQuery());
            case Sli.Raw raw -> raw(raw.errorRatioQuery());
        };
    }

    /** The normal form of {@code sli}. */
    public static String of(Sli sli) {
        Optional<String> counted = counted(sli).map(Counted::form);
        return counted.orElseGet(() -> switch (sli) {
            case Sli.Events events -> "errors " + squeeze(events.errorQuery()) + " total "
                    + squeeze(events.totalQuery());
            case Sli.Raw raw -> "ratio " + squeeze(raw.errorRatioQuery());
        });
    }

    private static Optional<Counted> events(String errorQuery, String totalQuery) {
        Optional<Expr> errors = parse(errorQuery);
        Optional<Expr.VectorSelector> total = parse(totalQuery).flatMap(SliSignature::counter);
        if (errors.isEmpty() || total.isEmpty()) {
            return Optional.empty();
        }
        Optional<Expr.VectorSelector> bad = counter(errors.get());
        if (bad.isPresent()) {
            return Optional.of(form(total.get(), bad.get(), true));
        }
        if (errors.get() instanceof Expr.Binary minus && minus.op().equals("-")
                && counter(minus.left()).filter(t -> same(t, total.get())).isPresent()) {
            return counter(minus.right()).map(good -> form(total.get(), good, false));
        }
        return Optional.empty();
    }

    private static Optional<Counted> raw(String ratioQuery) {
        Optional<Expr> ratio = parse(ratioQuery);
        if (ratio.isEmpty()) {
            return Optional.empty();
        }
        boolean good = false;
        Expr quotient = ratio.get();
        if (quotient instanceof Expr.Binary minus && minus.op().equals("-")
                && minus.left() instanceof Expr.NumberLiteral one && one.value() == 1) {
            good = true;
            quotient = minus.right();
        }
        if (!(quotient instanceof Expr.Binary divide) || !divide.op().equals("/")) {
            return Optional.empty();
        }
        Optional<Expr.VectorSelector> part = counter(divide.left());
        Optional<Expr.VectorSelector> total = counter(divide.right());
        if (part.isEmpty() || total.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(form(total.get(), part.get(), !good));
    }

    /** {@code total=T bad=B}, with good events turned into bad ones where one matcher splits the total. */
    private static Counted form(Expr.VectorSelector total, Expr.VectorSelector part, boolean bad) {
        if (bad) {
            return new Counted(Selectors.text(total), Selectors.text(part), true);
        }
        return complement(total, part).map(opposite -> new Counted(Selectors.text(total), Selectors.text(opposite),
                true)).orElse(new Counted(Selectors.text(total), Selectors.text(part), false));
    }

    private static Optional<List<Expr.Matcher>> complement(Expr.VectorSelector total, Expr.VectorSelector good) {
        List<Expr.Matcher> extra = new ArrayList<>(good.matchers());
        for (Expr.Matcher matcher : total.matchers()) {
            if (!extra.remove(matcher)) {
                return Optional.empty();
            }
        }
        if (extra.size() != 1) {
            return Optional.empty();
        }
        Expr.Matcher split = extra.getFirst();
        String opposite = switch (split.op()) {
            case "=" -> "!=";
            case "!=" -> "=";
            case "=~" -> "!~";
            case "!~" -> "=~";
            default -> throw new IllegalStateException(split.op());
        };
        List<Expr.Matcher> bad = new ArrayList<>(total.matchers());
        bad.add(Expr.Matcher.of(split.name(), opposite, split.value()));
        return Optional.of(bad);
    }

    /** The selector of {@code sum(rate(S[w]))} or {@code sum(increase(S[w]))}, parentheses aside. */
    private static Optional<Expr.VectorSelector> counter(Expr expr) {
        if (expr instanceof Expr.Aggregate sum && sum.op().equals("sum") && sum.grouping().isEmpty()
                && !sum.without() && sum.expr() instanceof Expr.Call call
                && (call.function().equals("rate") || call.function().equals("increase")) && call.args().size() == 1
                && call.args().getFirst() instanceof Expr.MatrixSelector matrix
                && matrix.selector().offset().isZero()) {
            return Optional.of(matrix.selector());
        }
        return Optional.empty();
    }

    private static boolean same(Expr.VectorSelector a, Expr.VectorSelector b) {
        return Selectors.text(a).equals(Selectors.text(b));
    }

    private static Optional<Expr> parse(String query) {
        try {
            return Optional.of(Selectors.parse(query.replace(Sli.WINDOW, "5m")));
        } catch (QueryException unreadable) {
            return Optional.empty();
        }
    }

    private static String squeeze(String query) {
        return query.replaceAll("\\s+", "");
    }
}

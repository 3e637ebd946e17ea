package io.relia.slo.pyrra;

import io.relia.slo.Sli;
import io.relia.slo.promql.SliSignature;
import io.relia.slo.promql.Selectors;
import io.relia.slo.query.QueryException;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The error ratios of Pyrra's four indicators (slo/rules.go, {@code Burnrate}), written with Relia's
 * {@code {{.window}}} range, and the way back from such a ratio to the indicator: the reader builds these queries and
 * the writer recognises exactly them.
 */
final class PyrraQueries {

    private static final String RANGE = "[" + Sli.WINDOW + "]";
    private static final Pattern AGGREGATED = Pattern.compile(
            "sum(?: by \\(([^()]*)\\) )?\\((rate|count_over_time|sum_over_time)\\((.+)\\[\\{\\{\\.window}}]\\)\\)");
    private static final Pattern DIFFERENCE = Pattern.compile("\\((.+)\\) - \\((.+)\\)");
    private static final Pattern NATIVE = Pattern.compile("1 - histogram_fraction\\(0, ([0-9.]+), (.+)\\)");

    /** The indicator kinds of Pyrra's CRD, by their key under {@code spec.indicator}. */
    enum Kind {
        RATIO("ratio"), LATENCY("latency"), LATENCY_NATIVE("latencyNative"), BOOL_GAUGE("bool_gauge");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        String key() {
            return key;
        }
    }

    /**
     * One indicator: its kind, selectors and grouping.
     *
     * @param kind     which indicator
     * @param first    errors (ratio), success (latency) or the gauge (bool_gauge); empty for latencyNative
     * @param total    the total selector (the gauge for bool_gauge)
     * @param latency  latencyNative's threshold, else zero
     * @param grouping the grouping labels, in the order written
     */
    record Indicator(Kind kind, String first, String total, Duration latency, List<String> grouping) {
        Indicator {
            grouping = List.copyOf(grouping);
        }
    }

    private PyrraQueries() {
    }

    /** The error ratio of an indicator, as Relia's SLI. */
    static Sli sli(Indicator indicator) {
        List<String> by = indicator.grouping();
        return switch (indicator.kind()) {
            case RATIO -> new Sli.Events(sum(by, "rate", indicator.first()), sum(by, "rate", indicator.total()));
            case LATENCY -> {
                String total = sum(by, "rate", indicator.total());
                yield new Sli.Events("(" + total + ") - (" + sum(by, "rate", indicator.first()) + ")", total);
            }
            case BOOL_GAUGE -> {
                String count = sum(by, "count_over_time", indicator.total());
                yield new Sli.Events("(" + count + ") - (" + sum(by, "sum_over_time", indicator.total()) + ")",
                        count);
            }
            case LATENCY_NATIVE -> new Sli.Raw("1 - histogram_fraction(0, " + seconds(indicator.latency()) + ", "
                    + sum(by, "rate", indicator.total()) + ")");
        };
    }

    /**
     * The indicator whose error ratio {@link #sli} gives exactly {@code sli}, or else one that measures the same
     * counters ({@link SliSignature}: bad over total becomes a ratio, good {@code le} buckets over a total a latency).
     */
    static Optional<Indicator> indicator(Sli sli) {
        return exact(sli).or(() -> SliSignature.counted(sli).flatMap(PyrraQueries::counted));
    }

    private static Optional<Indicator> counted(SliSignature.Counted counted) {
        if (counted.bad()) {
            return Optional.of(new Indicator(Kind.RATIO, counted.part(), counted.total(), Duration.ZERO, List.of()));
        }
        try {
            return Selectors.vector(counted.part()).equalTo("le").isPresent()
                    ? Optional.of(new Indicator(Kind.LATENCY, counted.part(), counted.total(), Duration.ZERO,
                    List.of())) : Optional.empty();
        } catch (QueryException unreadable) {
            return Optional.empty();
        }
    }

    private static Optional<Indicator> exact(Sli sli) {
        return switch (sli) {
            case Sli.Events events -> events(events.errorQuery(), events.totalQuery());
            case Sli.Raw raw -> {
                Matcher matcher = NATIVE.matcher(raw.errorRatioQuery());
                if (!matcher.matches()) {
                    yield Optional.empty();
                }
                Optional<Aggregated> total = aggregated(matcher.group(2)).filter(a -> a.function().equals("rate"));
                Duration latency = Duration.ofNanos(new BigDecimal(matcher.group(1)).movePointRight(9).longValue());
                yield total.map(t -> new Indicator(Kind.LATENCY_NATIVE, "", t.selector(), latency, t.grouping()))
                        .filter(found -> sli.equals(sli(found)));
            }
        };
    }

    private static Optional<Indicator> events(String error, String total) {
        Optional<Aggregated> totalPart = aggregated(total);
        if (totalPart.isEmpty()) {
            return Optional.empty();
        }
        Aggregated t = totalPart.get();
        Optional<Indicator> found = Optional.empty();
        Optional<Aggregated> errorPart = aggregated(error);
        Matcher difference = DIFFERENCE.matcher(error);
        if (errorPart.isPresent() && t.function().equals("rate")) {
            found = Optional.of(new Indicator(Kind.RATIO, errorPart.get().selector(), t.selector(), Duration.ZERO,
                    t.grouping()));
        } else if (difference.matches() && difference.group(1).equals(total)) {
            Optional<Aggregated> subtracted = aggregated(difference.group(2));
            if (subtracted.isPresent() && t.function().equals("rate")) {
                found = Optional.of(new Indicator(Kind.LATENCY, subtracted.get().selector(), t.selector(),
                        Duration.ZERO, t.grouping()));
            } else if (subtracted.isPresent() && t.function().equals("count_over_time")) {
                found = Optional.of(new Indicator(Kind.BOOL_GAUGE, "", t.selector(), Duration.ZERO, t.grouping()));
            }
        }
        // Only when the indicator gives back the very same queries (same grouping on both sides, same gauge).
        return found.filter(indicator -> sli(indicator).equals(new Sli.Events(error, total)));
    }

    private record Aggregated(List<String> grouping, String function, String selector) {
    }

    private static Optional<Aggregated> aggregated(String query) {
        Matcher matcher = AGGREGATED.matcher(query);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        List<String> grouping = matcher.group(1) == null ? List.of() : List.of(matcher.group(1).split(", "));
        return Optional.of(new Aggregated(grouping, matcher.group(2), matcher.group(3)));
    }

    private static String sum(List<String> grouping, String function, String selector) {
        String by = grouping.isEmpty() ? "" : " by (" + String.join(", ", grouping) + ") ";
        return "sum" + by + "(" + function + "(" + selector + RANGE + "))";
    }

    /** Seconds as a plain decimal ({@code 0.1}, {@code 2}). */
    static String seconds(Duration duration) {
        return new BigDecimal(duration.toNanos()).movePointLeft(9).stripTrailingZeros().toPlainString();
    }
}

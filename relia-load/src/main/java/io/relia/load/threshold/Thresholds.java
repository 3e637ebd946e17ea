package io.relia.load.threshold;

import io.relia.core.InputException;
import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.Problems;
import io.relia.core.spec.Suggestions;
import io.relia.core.value.Parsed;
import io.relia.core.value.Ratio;
import io.relia.load.threshold.Threshold.Comparison;
import io.relia.load.threshold.Threshold.Metric;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads thresholds as users write them on the command line and in scenario files: {@code p99<300ms},
 * {@code p99.9<=1s}, {@code mean<100ms}, {@code max<2s}, {@code errors<0.5%}, {@code rate>=990}, one or several
 * separated by commas. Latency limits are kept in ms, error limits as a ratio 0..1, rate limits in requests/s.
 */
public final class Thresholds {

    /** The metrics a threshold may name, for messages and suggestions. */
    public static final List<String> METRICS = List.of("p50", "p90", "p95", "p99", "p99.9", "mean", "avg", "max",
            "errors", "rate");

    static final String EXPECTED = "METRIC OP LIMIT such as p99<300ms, mean<=50ms, max<2s, errors<0.5% or "
            + "rate>=1000, where METRIC is pNN (a percentile), mean, avg, max, errors or rate and OP is <, <=, > or >=";

    private Thresholds() {
    }

    /**
     * Parses one threshold or a comma-separated list; every problem is reported at {@code where}.
     *
     * @throws InputException when any part is not a threshold (all parts are checked)
     */
    public static List<Threshold> parse(String text, Location where) {
        Problems problems = new Problems();
        List<Threshold> thresholds = parse(text, where, problems);
        if (problems.hasErrors()) {
            throw new InputException(problems.sorted());
        }
        return thresholds;
    }

    /** Parses like {@link #parse(String, Location)} but adds problems to {@code problems} instead of throwing. */
    public static List<Threshold> parse(String text, Location where, Problems problems) {
        List<Threshold> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            problems.add(Problem.error(where, "the threshold is empty", EXPECTED, ""));
            return out;
        }
        for (String part : text.split(",", -1)) {
            switch (parseOne(part.strip(), where)) {
                case Parsed.Ok<Threshold>(Threshold threshold) -> out.add(threshold);
                case Parsed.Invalid<Threshold> invalid -> problems.add(invalid.problemAt(where));
            }
        }
        return out;
    }

    /** Parses a single threshold such as {@code p99 < 300ms}; never throws. */
    static Parsed<Threshold> parseOne(String text, Location where) {
        if (text.isEmpty()) {
            return Parsed.invalid("a threshold in the list is empty", EXPECTED, "remove the extra comma");
        }
        int opStart = indexOfComparison(text);
        if (opStart < 0) {
            return Parsed.invalid("\"" + text + "\" has no comparison", EXPECTED,
                    text.contains("=") ? "write <= or >=, not =" : "");
        }
        String name = text.substring(0, opStart).strip();
        boolean orEqual = opStart + 1 < text.length() && text.charAt(opStart + 1) == '=';
        Comparison op = text.charAt(opStart) == '<'
                ? (orEqual ? Comparison.LESS_OR_EQUAL : Comparison.LESS)
                : (orEqual ? Comparison.GREATER_OR_EQUAL : Comparison.GREATER);
        String limit = text.substring(opStart + (orEqual ? 2 : 1)).strip();
        Optional<Metric> metric = metric(name.toLowerCase(Locale.ROOT));
        if (metric.isEmpty()) {
            String hint = Suggestions.closest(name, METRICS).map(best -> "did you mean \"" + best + "\"?")
                    .orElse("known metrics: " + String.join(", ", METRICS) + " (any percentile pNN works)");
            return Parsed.invalid("\"" + text + "\" names an unknown metric \"" + name + "\"", EXPECTED, hint);
        }
        if (limit.isEmpty()) {
            return Parsed.invalid("\"" + text + "\" has no limit after " + op.symbol(), EXPECTED, "");
        }
        Parsed<Double> value = switch (metric.get()) {
            case Metric.ErrorRatio errors -> errorLimit(limit);
            case Metric.Rate rate -> rateLimit(limit);
            default -> LatencyLimits.parseMillis(limit);
        };
        return switch (value) {
            case Parsed.Ok<Double>(Double millis) -> Parsed.ok(new Threshold(text, metric.get(), op, millis, where));
            case Parsed.Invalid<Double>(String message, String expected, String hint) ->
                    Parsed.invalid("\"" + text + "\": " + message, expected, hint);
        };
    }

    private static int indexOfComparison(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<' || c == '>') {
                return i;
            }
        }
        return -1;
    }

    private static Optional<Metric> metric(String name) {
        return switch (name) {
            case "mean", "avg" -> Optional.of(new Metric.Mean());
            case "max" -> Optional.of(new Metric.Max());
            case "errors", "error_rate" -> Optional.of(new Metric.ErrorRatio());
            case "rate", "rps" -> Optional.of(new Metric.Rate());
            default -> percentile(name);
        };
    }

    /** {@code p99} → 99, {@code p99.9} → 99.9; percentiles are in (0, 100]. */
    private static Optional<Metric> percentile(String name) {
        if (name.length() < 2 || name.charAt(0) != 'p' || !isDecimal(name.substring(1))) {
            return Optional.empty();
        }
        double percentile = Double.parseDouble(name.substring(1));
        return percentile > 0 && percentile <= 100 ? Optional.of(new Metric.Percentile(percentile)) : Optional.empty();
    }

    private static Parsed<Double> errorLimit(String limit) {
        return Ratio.parse(limit).map(Ratio::asDouble);
    }

    private static Parsed<Double> rateLimit(String limit) {
        String number = limit.endsWith("/s") ? limit.substring(0, limit.length() - 2).strip() : limit;
        if (!isDecimal(number)) {
            return Parsed.invalid("\"" + limit + "\" is not a rate", "requests per second such as 1000 or 1000/s", "");
        }
        return Parsed.ok(Double.parseDouble(number));
    }

    /** Digits with at most one decimal point and at least one digit: no sign, no exponent. */
    static boolean isDecimal(String text) {
        boolean digit = false;
        boolean point = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return false;
            }
        }
        return digit;
    }
}

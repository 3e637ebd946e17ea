package io.relia.chaos.experiment;

import io.relia.core.value.Parsed;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one parser of conditions, used for native hypotheses ({@code "p99 latency < 500ms, error rate < 0.1%"}),
 * {@code rollback.trigger} and {@code verification[].threshold}. Never throws on bad text.
 */
public final class ConditionParser {

    private static final String EXPECTED = "a condition such as \"p99_latency < 500ms\" or \"error_rate < 1%\"";
    private static final Pattern CONDITION = Pattern.compile(
            "\\s*([A-Za-z][A-Za-z0-9_.:\\s-]*?)\\s*(<=|>=|==|!=|<|>)\\s*(\\S.*?)\\s*");
    private static final Pattern THRESHOLD = Pattern.compile("\\s*(<=|>=|==|!=|<|>)\\s*(\\S.*?)\\s*");
    private static final Pattern NUMBER = Pattern.compile("([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))\\s*(ms|s|%)?");

    private ConditionParser() {
    }

    /** Parses {@code metric operator value}; metric names are normalised ({@code "p99 latency"} → p99_latency). */
    public static Parsed<Condition> parse(String text) {
        if (text == null || text.isBlank()) {
            return Parsed.invalid("the condition is empty", EXPECTED, "");
        }
        Matcher matcher = CONDITION.matcher(text);
        if (!matcher.matches()) {
            return Parsed.invalid("\"" + text.strip() + "\" is not a condition", EXPECTED,
                    "write a metric, an operator (<, <=, >, >=, ==, !=) and a value");
        }
        return value(Condition.normalizeMetric(matcher.group(1)), matcher.group(2), matcher.group(3), text);
    }

    /** Parses a threshold without a metric ({@code "< 1%"}) for {@code metric}; a bare value means {@code ==}. */
    public static Parsed<Condition> parseThreshold(String metric, String text) {
        if (text == null || text.isBlank()) {
            return Parsed.invalid("the threshold is empty", "a threshold such as \"< 1%\" or \"< 1000ms\"", "");
        }
        Matcher matcher = THRESHOLD.matcher(text);
        if (matcher.matches()) {
            return value(Condition.normalizeMetric(metric), matcher.group(1), matcher.group(2), text);
        }
        return value(Condition.normalizeMetric(metric), "==", text.strip(), text);
    }

    /** Splits a list of conditions joined by commas or "and"; each part is parsed on its own. */
    public static List<Parsed<Condition>> parseAll(String text) {
        List<Parsed<Condition>> out = new ArrayList<>();
        for (String part : text.split(",|\\s+and\\s+|&&")) {
            if (!part.isBlank()) {
                out.add(parse(part));
            }
        }
        if (out.isEmpty()) {
            out.add(parse(text));
        }
        return out;
    }

    private static Parsed<Condition> value(String metric, String operator, String value, String original) {
        if (!metric.matches("[a-z0-9_.:]+")) {
            return Parsed.invalid("\"" + metric + "\" is not a metric name", EXPECTED, "");
        }
        Condition.Operator op = operatorOf(operator);
        String trimmed = value.strip();
        if (trimmed.equalsIgnoreCase("true") || trimmed.equalsIgnoreCase("false")) {
            if (op != Condition.Operator.EQ && op != Condition.Operator.NE) {
                return Parsed.invalid("\"" + original.strip() + "\" orders a boolean", "== or != with true/false", "");
            }
            return Parsed.ok(new Condition(metric, op, trimmed.equalsIgnoreCase("true") ? BigDecimal.ONE
                    : BigDecimal.ZERO, Condition.Unit.BOOLEAN));
        }
        Matcher number = NUMBER.matcher(trimmed);
        if (!number.matches()) {
            return Parsed.invalid("\"" + trimmed + "\" is not a threshold", "a number with an optional unit "
                    + "(ms, s or %), or true/false", trimmed.matches(".*\\d.*") ? "units are ms, s and %" : "");
        }
        Condition.Unit unit = switch (number.group(2) == null ? "" : number.group(2)) {
            case "ms" -> Condition.Unit.MILLISECONDS;
            case "s" -> Condition.Unit.SECONDS;
            case "%" -> Condition.Unit.PERCENT;
            default -> Condition.Unit.PLAIN;
        };
        String digits = number.group(1).startsWith("+") ? number.group(1).substring(1) : number.group(1);
        return Parsed.ok(new Condition(metric, op, new BigDecimal(digits), unit));
    }

    private static Condition.Operator operatorOf(String symbol) {
        for (Condition.Operator op : Condition.Operator.values()) {
            if (op.symbol().equals(symbol)) {
                return op;
            }
        }
        throw new IllegalArgumentException("the pattern only matches known operators: " + symbol);
    }
}

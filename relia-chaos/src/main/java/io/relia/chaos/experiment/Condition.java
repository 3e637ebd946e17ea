package io.relia.chaos.experiment;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * A comparison of one measured metric with a threshold, as users write it: {@code p99_latency < 500ms},
 * {@code error_rate < 1%}, {@code circuit_breaker_open == true}. Read by {@link ConditionParser}.
 *
 * @param metric   the metric name, lower case with underscores ({@code p99_latency})
 * @param operator how the measurement is compared with the threshold
 * @param value    the threshold as written, without its unit
 * @param unit     the threshold's unit
 */
public record Condition(String metric, Operator operator, BigDecimal value, Unit unit) {

    /** Comparison operators, in the order the parser tries them (two-character ones first). */
    public enum Operator {
        LE("<="), GE(">="), EQ("=="), NE("!="), LT("<"), GT(">");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean test(int comparison) {
            return switch (this) {
                case LT -> comparison < 0;
                case LE -> comparison <= 0;
                case GT -> comparison > 0;
                case GE -> comparison >= 0;
                case EQ -> comparison == 0;
                case NE -> comparison != 0;
            };
        }
    }

    /**
     * A threshold's unit. Latencies are measured in milliseconds, rates as ratios 0..1, so {@code 1s} compares as
     * 1000 and {@code 1%} as 0.01; booleans compare as 1 (true) and 0 (false).
     */
    public enum Unit {
        MILLISECONDS("ms"), SECONDS("s"), PERCENT("%"), PLAIN(""), BOOLEAN("");

        private final String suffix;

        Unit(String suffix) {
            this.suffix = suffix;
        }

        public String suffix() {
            return suffix;
        }
    }

    public Condition {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        if (!metric.matches("[a-z0-9_.:]+")) {
            throw new IllegalArgumentException("a metric name is lower case with underscores: " + metric);
        }
        if (unit == Unit.BOOLEAN && value.signum() != 0 && value.compareTo(BigDecimal.ONE) != 0) {
            throw new IllegalArgumentException("a boolean threshold is 0 or 1: " + value);
        }
    }

    /** The threshold in the unit metrics are measured in: milliseconds for times, ratio 0..1 for percentages. */
    public double threshold() {
        return switch (unit) {
            case SECONDS -> value.doubleValue() * 1000.0;
            case PERCENT -> value.doubleValue() / 100.0;
            case MILLISECONDS, PLAIN, BOOLEAN -> value.doubleValue();
        };
    }

    /** Whether a measurement (ms for times, ratio 0..1 for rates, 1/0 for booleans) satisfies the condition. */
    public boolean holds(double measured) {
        if (Double.isNaN(measured)) {
            return false;
        }
        return operator.test(Double.compare(measured, threshold()));
    }

    /** The same condition on another metric (a threshold written without one, {@code "< 1%"}). */
    public Condition withMetric(String name) {
        return new Condition(name, operator, value, unit);
    }

    /** The form {@link ConditionParser} reads back: {@code p99_latency < 500ms}. */
    public String format() {
        String number = unit == Unit.BOOLEAN ? (value.signum() == 0 ? "false" : "true")
                : value.stripTrailingZeros().toPlainString() + unit.suffix();
        return metric + " " + operator.symbol() + " " + number;
    }

    @Override
    public String toString() {
        return format();
    }

    static String normalizeMetric(String written) {
        return written.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }
}

package io.relia.core.value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * A ratio between 0 and 1 kept as an exact decimal, so that {@code 1 - 99.95%} is exactly {@code 0.0005}.
 * Users write it as a percentage ({@code 99.95%}) or as a ratio ({@code 0.9995}).
 *
 * @param value the ratio, 0..1
 */
public record Ratio(BigDecimal value) implements Comparable<Ratio> {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final String EXPECTED = "a percentage such as 99.95% or a ratio between 0 and 1 such as 0.9995";

    public Ratio {
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("a ratio is between 0 and 1: " + value);
        }
        value = value.stripTrailingZeros();
    }

    public static Ratio of(double ratio) {
        return new Ratio(new BigDecimal(Double.toString(ratio)));
    }

    /** Parses {@code 99.95%}, {@code 0.9995}, {@code 1}; never throws. */
    public static Parsed<Ratio> parse(String text) {
        if (text == null || text.isBlank()) {
            return Parsed.invalid("the value is empty", EXPECTED, "");
        }
        String trimmed = text.trim();
        boolean percent = trimmed.endsWith("%");
        String number = percent ? trimmed.substring(0, trimmed.length() - 1).trim() : trimmed;
        if (!number.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?")) {
            return Parsed.invalid("\"" + trimmed + "\" is not a number", EXPECTED, "");
        }
        BigDecimal parsed = new BigDecimal(number);
        BigDecimal ratio = percent ? parsed.divide(HUNDRED, MathContext.DECIMAL128) : parsed;
        if (ratio.signum() < 0) {
            return Parsed.invalid("\"" + trimmed + "\" is negative", EXPECTED, "");
        }
        if (ratio.compareTo(BigDecimal.ONE) > 0) {
            String hint = percent ? "" : "write " + trimmed + "% if you mean a percentage";
            return Parsed.invalid("\"" + trimmed + "\" is more than " + (percent ? "100%" : "1"), EXPECTED, hint);
        }
        return Parsed.ok(new Ratio(ratio));
    }

    /** The complement, {@code 1 - value} (the error budget of an objective). */
    public Ratio complement() {
        return new Ratio(BigDecimal.ONE.subtract(value));
    }

    public double asDouble() {
        return value.doubleValue();
    }

    /** The value in percent, exact ({@code 99.95}). */
    public BigDecimal percent() {
        return value.multiply(HUNDRED).stripTrailingZeros();
    }

    /** Formats as a percentage without needless digits: {@code 99.95%}, {@code 100%}. */
    public String format() {
        return percent().toPlainString() + "%";
    }

    @Override
    public int compareTo(Ratio other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ratio ratio && value.compareTo(ratio.value) == 0;
    }

    @Override
    public int hashCode() {
        return value.stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
        return format();
    }
}

package io.relia.core.chart;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Numbers as people read them on charts, always with their unit: {@code 12.5 ms}, {@code 99.9%}, {@code 14.4×},
 * {@code 1,200 req/s}. {@code %} and {@code ×} stick to the number; other units follow a space.
 */
public final class Units {

    /** Significant digits of a measured value shown on its own (a tooltip, a min or max). */
    private static final MathContext SIGNIFICANT = new MathContext(4);
    /** Significant digits of a configured value (a target, a threshold): an objective of 99.999% stays 99.999%. */
    private static final MathContext PRECISE = new MathContext(7);
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private Units() {
    }

    /** A measured value with its unit, to four significant digits, trailing zeros dropped; {@code -} for NaN. */
    public static String format(double value, String unit) {
        return format(value, unit, SIGNIFICANT);
    }

    /** A configured value with its unit, as written (up to seven significant digits): {@code 99.95%}. */
    public static String precise(double value, String unit) {
        return format(value, unit, PRECISE);
    }

    private static String format(double value, String unit, MathContext digits) {
        if (!Double.isFinite(value)) {
            return "-";
        }
        String number;
        if (Math.abs(value) >= 10_000) {
            number = String.format(Locale.ROOT, "%,.0f", value);
        } else {
            number = BigDecimal.valueOf(value).round(digits).stripTrailingZeros().toPlainString();
            if (number.equals("-0")) {
                number = "0";
            }
        }
        return withUnit(number, unit);
    }

    /** A value with its unit and a fixed number of decimals (tick labels share theirs). */
    public static String format(double value, String unit, int decimals) {
        String number = String.format(Locale.ROOT, "%,." + decimals + "f", value);
        if (number.matches("-0(\\.0*)?")) {
            number = number.substring(1);
        }
        return withUnit(number, unit);
    }

    /** Joins a number and a unit: {@code 5%}, {@code 3×}, {@code 5 ms}, or the number alone without a unit. */
    public static String withUnit(String number, String unit) {
        if (unit.isEmpty()) {
            return number;
        }
        return unit.equals("%") || unit.equals("×") ? number + unit : number + " " + unit;
    }

    /** An instant given as epoch milliseconds, in UTC to the minute. */
    public static String instant(double epochMillis) {
        return INSTANT.format(Instant.ofEpochMilli((long) epochMillis));
    }

    /** Seconds since a start: {@code 12.5 s}. */
    public static String seconds(double seconds) {
        return format(Math.round(seconds * 10) / 10.0, "s");
    }
}

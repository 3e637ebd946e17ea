package io.relia.load.threshold;

import io.relia.core.value.Parsed;

import java.math.BigDecimal;

/**
 * The limit of a latency threshold, such as {@code 300ms}, {@code 1.5s} or {@code 250us}, in milliseconds.
 * {@link io.relia.core.value.Durations} is the parser for durations of configuration (whole milliseconds and up);
 * latency limits need what it deliberately leaves out: fractions and microseconds.
 */
final class LatencyLimits {

    private static final String EXPECTED = "a latency such as 300ms, 1.5s, 250us or 2m (units us, µs, ms, s, m)";

    private LatencyLimits() {
    }

    static Parsed<Double> parseMillis(String text) {
        int unitStart = 0;
        while (unitStart < text.length() && (Character.isDigit(text.charAt(unitStart))
                || text.charAt(unitStart) == '.')) {
            unitStart++;
        }
        String number = text.substring(0, unitStart);
        String unit = text.substring(unitStart).strip();
        if (!Thresholds.isDecimal(number)) {
            return Parsed.invalid("\"" + text + "\" is not a latency", EXPECTED, "");
        }
        BigDecimal factor = switch (unit) {
            case "us", "µs", "μs" -> new BigDecimal("0.001");
            case "ms" -> BigDecimal.ONE;
            case "s" -> BigDecimal.valueOf(1_000);
            case "m" -> BigDecimal.valueOf(60_000);
            default -> null;
        };
        if (unit.isEmpty()) {
            return Parsed.invalid("\"" + text + "\" has no unit", EXPECTED,
                    "write " + text + "ms or " + text + "s");
        }
        if (factor == null) {
            return Parsed.invalid("\"" + text + "\" has an unknown unit \"" + unit + "\"", EXPECTED, "");
        }
        // Exact decimal arithmetic, so that 1.1s is 1100 ms and not 1100.0000000000002.
        return Parsed.ok(new BigDecimal(number).multiply(factor).doubleValue());
    }
}

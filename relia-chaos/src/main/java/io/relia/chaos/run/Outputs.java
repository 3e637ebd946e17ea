package io.relia.chaos.run;

import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Activity outputs and measurements as people read them: numbers with their unit ("25.6 ms", "46.67%",
 * "19.8 req/s"), HTTP and process results by status, structured values as JSON — never Java's {@code {k=v}}.
 */
final class Outputs {

    /** Longest output shown in one line of a report; the journal keeps it whole. */
    private static final int MAX_CHARS = 120;

    private Outputs() {
    }

    /** A measurement of {@code metric}: latencies in ms, rates (ratio 0..1) in %, throughput in req/s. */
    static String metric(String metric, double value) {
        if (!Double.isFinite(value)) {
            return "no value";
        }
        if (metric.endsWith("latency")) {
            return String.format(Locale.ROOT, "%.1f ms", value);
        }
        if (metric.endsWith("rate") && !metric.contains("burn")) {
            return String.format(Locale.ROOT, "%.2f%%", value * 100);
        }
        if (metric.equals("throughput")) {
            return String.format(Locale.ROOT, "%.1f req/s", value);
        }
        return number(value);
    }

    /** A plain number to 4 significant digits, without trailing zeros: 0.35, 1234, 2.5E+7. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return "no value";
        }
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toString();
    }

    /** An activity's output in one line: HTTP and process results by status, numbers plain, the rest as JSON. */
    static String brief(Object output) {
        String text = switch (output) {
            case null -> "";
            case Double number -> number(number);
            case Float number -> number(number);
            case Map<?, ?> map when map.containsKey("status") && map.containsKey("body") ->
                    "HTTP " + map.get("status") + ": " + text(map.get("body"));
            case Map<?, ?> map when map.containsKey("status") && map.containsKey("stdout") ->
                    "exit " + map.get("status") + ": " + text(map.get("stdout"));
            default -> text(output);
        };
        return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS - 3) + "..." : text;
    }

    private static String text(Object value) {
        return value instanceof Map<?, ?> || value instanceof List<?> ? JsonMapper.shared().writeValueAsString(value)
                : String.valueOf(value).strip();
    }
}

package io.relia.core.value;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration parser: Prometheus-style compound durations ({@code 5m}, {@code 1h30m}, {@code 28d}, {@code 500ms};
 * units ms, s, m, h, d, w, y with y = 365 d as Prometheus has it), plain words as runbooks write them
 * ({@code 30 minutes}, {@code 1 hour}, {@code 2 days}) and ISO-8601 ({@code PT30M}).
 */
public final class Durations {

    private static final String EXPECTED = "a duration such as 30s, 5m, 1h30m, 28d or \"30 minutes\"";

    /** Milliseconds per unit; order matters only for formatting. */
    private static final Map<String, Long> UNIT_MS = Map.of(
            "ms", 1L, "s", 1_000L, "m", 60_000L, "h", 3_600_000L,
            "d", 86_400_000L, "w", 604_800_000L, "y", 31_536_000_000L);

    private static final Pattern COMPOUND = Pattern.compile("(?:\\d+(?:ms|s|m|h|d|w|y))+");
    private static final Pattern COMPONENT = Pattern.compile("(\\d+)(ms|s|m|h|d|w|y)");
    private static final Pattern WORDS = Pattern.compile(
            "(\\d+(?:\\.\\d+)?)\\s*(milliseconds?|millis|msecs?|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?)");

    private static final long[] FORMAT_UNITS = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
    private static final String[] FORMAT_NAMES = {"d", "h", "m", "s", "ms"};

    private Durations() {
    }

    /** Parses a duration a user wrote; never throws. Negative durations are refused; zero is allowed. */
    public static Parsed<Duration> parse(String text) {
        if (text == null || text.isBlank()) {
            return Parsed.invalid("the duration is empty", EXPECTED, "");
        }
        String trimmed = text.trim();
        if (trimmed.equals("0")) {
            return Parsed.ok(Duration.ZERO);
        }
        if (trimmed.startsWith("-")) {
            return Parsed.invalid("\"" + trimmed + "\" is negative", EXPECTED, "durations count forward from now");
        }
        if (COMPOUND.matcher(trimmed).matches()) {
            return compound(trimmed);
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        Matcher words = WORDS.matcher(lower);
        if (words.matches()) {
            return words(words.group(1), words.group(2), trimmed);
        }
        if (lower.startsWith("pt") || lower.startsWith("p")) {
            try {
                Duration iso = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
                return iso.isNegative()
                        ? Parsed.invalid("\"" + trimmed + "\" is negative", EXPECTED, "")
                        : Parsed.ok(iso);
            } catch (RuntimeException notIso) {
                // fall through to the general message below
            }
        }
        String hint = trimmed.matches("\\d+(\\.\\d+)?") ? "add a unit, e.g. " + trimmed + "ms, " + trimmed + "s or " + trimmed + "m"
                : trimmed.matches("\\d+\\.\\d+[a-z]+") ? "write whole numbers per unit, e.g. 1h30m instead of 1.5h"
                : "";
        return Parsed.invalid("\"" + trimmed + "\" is not a duration", EXPECTED, hint);
    }

    private static Parsed<Duration> compound(String text) {
        Matcher component = COMPONENT.matcher(text);
        long total = 0;
        long lastUnit = Long.MAX_VALUE;
        while (component.find()) {
            long unit = UNIT_MS.get(component.group(2));
            if (unit >= lastUnit) {
                return Parsed.invalid("\"" + text + "\" repeats a unit or has units out of order", EXPECTED,
                        "write larger units first, each once, e.g. 1h30m");
            }
            lastUnit = unit;
            try {
                total = Math.addExact(total, Math.multiplyExact(Long.parseLong(component.group(1)), unit));
            } catch (ArithmeticException | NumberFormatException tooLarge) {
                return Parsed.invalid("\"" + text + "\" is too long", "a duration shorter than 290 million years", "");
            }
        }
        return Parsed.ok(Duration.ofMillis(total));
    }

    private static Parsed<Duration> words(String amount, String unitWord, String original) {
        long unitMs = switch (unitWord.replaceAll("s$", "")) {
            case "millisecond", "milli", "msec" -> 1L;
            case "second", "sec" -> 1_000L;
            case "minute", "min" -> 60_000L;
            case "hour", "hr" -> 3_600_000L;
            case "day" -> 86_400_000L;
            case "week" -> 604_800_000L;
            default -> -1L;
        };
        if (unitMs < 0) {
            return Parsed.invalid("\"" + original + "\" has an unknown unit", EXPECTED, "");
        }
        try {
            double millis = Double.parseDouble(amount) * unitMs;
            if (millis > Long.MAX_VALUE / 2.0) {
                return Parsed.invalid("\"" + original + "\" is too long", "a duration shorter than 290 million years",
                        "");
            }
            return Parsed.ok(Duration.ofMillis(Math.round(millis)));
        } catch (NumberFormatException impossible) {
            return Parsed.invalid("\"" + original + "\" is not a duration", EXPECTED, "");
        }
    }

    /**
     * Formats in the compound form Prometheus accepts, largest unit first, days as the largest unit
     * ({@code 28d}, {@code 1h30m}, {@code 500ms}); sub-millisecond parts are dropped. Zero is {@code 0s}.
     */
    public static String format(Duration duration) {
        long ms = duration.toMillis();
        if (ms == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        if (ms < 0) {
            out.append('-');
            ms = -ms;
        }
        for (int i = 0; i < FORMAT_UNITS.length; i++) {
            long count = ms / FORMAT_UNITS[i];
            if (count > 0) {
                out.append(count).append(FORMAT_NAMES[i]);
                ms -= count * FORMAT_UNITS[i];
            }
        }
        return out.toString();
    }

    /**
     * Formats as Prometheus does ({@code model.Duration.String}): years and weeks only when they divide exactly, so
     * 28 days is {@code 4w}, 30 days stays {@code 30d}, 7 days is {@code 1w}. Rule names built from windows
     * ({@code slo:sli_error:ratio_rate4w}) depend on this exact form.
     */
    public static String formatPrometheus(Duration duration) {
        long ms = duration.toMillis();
        if (ms == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long[] units = {31_536_000_000L, 604_800_000L, 86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
        String[] names = {"y", "w", "d", "h", "m", "s", "ms"};
        for (int i = 0; i < units.length; i++) {
            boolean exactOnly = i < 2;
            if (exactOnly && ms % units[i] != 0) {
                continue;
            }
            long count = ms / units[i];
            if (count > 0) {
                out.append(count).append(names[i]);
                ms -= count * units[i];
            }
        }
        return out.toString();
    }

    /** Minutes with up to two decimals, for error budgets ({@code 43.2}). */
    public static double minutes(Duration duration) {
        return duration.toMillis() / 60_000.0;
    }
}

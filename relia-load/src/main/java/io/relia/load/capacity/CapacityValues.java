package io.relia.load.capacity;

import io.relia.core.value.Parsed;
import io.relia.core.value.Ratio;
import io.relia.load.capacity.CapacityConfig.PlannedEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsers for the values capacity planning reads from files and flags: times, events and growth rates. */
public final class CapacityValues {

    static final String TIME_EXPECTED = "an ISO-8601 time (2026-11-01T13:00:00Z), \"2026-11-01 13:00:00\" (UTC), "
            + "a date (2026-11-01) or epoch seconds";
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]",
            Locale.ROOT);
    private static final Pattern EPOCH = Pattern.compile("\\d{9,10}(\\.\\d+)?");
    private static final Pattern EVENT = Pattern.compile("([^:]+):(\\d{4}-\\d{2}-\\d{2}):x?(\\d+(?:\\.\\d+)?)");

    private CapacityValues() {
    }

    /** A time as CSV files and plans write it; times without an offset are UTC. */
    public static Parsed<Instant> instant(String text) {
        String trimmed = text.strip();
        try {
            if (EPOCH.matcher(trimmed).matches()) {
                double seconds = Double.parseDouble(trimmed);
                long whole = (long) Math.floor(seconds);
                return Parsed.ok(Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1e9)));
            }
            if (trimmed.length() == 10) {
                return Parsed.ok(LocalDate.parse(trimmed).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            if (trimmed.length() > 10 && trimmed.charAt(10) == ' ') {
                return Parsed.ok(LocalDateTime.parse(trimmed, SPACED).toInstant(ZoneOffset.UTC));
            }
            if (trimmed.endsWith("Z") || trimmed.matches(".*[+-]\\d{2}:?\\d{2}$")) {
                return Parsed.ok(OffsetDateTime.parse(trimmed).toInstant());
            }
            return Parsed.ok(LocalDateTime.parse(trimmed).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException | ArithmeticException notATime) {
            return Parsed.invalid("\"" + trimmed + "\" is not a time", TIME_EXPECTED, "");
        }
    }

    /** {@code launch:2026-12-01:x2}: usage doubles from 1 December 2026 (UTC) to the horizon, for every resource. */
    public static Parsed<PlannedEvent> event(String text) {
        Matcher matcher = EVENT.matcher(text.strip());
        if (!matcher.matches()) {
            return Parsed.invalid("\"" + text + "\" is not an event", "NAME:YYYY-MM-DD:xFACTOR, e.g. "
                    + "launch:2026-12-01:x2", "");
        }
        Optional<Instant> from = instant(matcher.group(2)).asOptional();
        double factor = Double.parseDouble(matcher.group(3));
        if (from.isEmpty() || factor <= 0) {
            return Parsed.invalid("\"" + text + "\" has an invalid date or factor", "NAME:YYYY-MM-DD:xFACTOR with "
                    + "a real date and a positive factor", "");
        }
        return Parsed.ok(new PlannedEvent(matcher.group(1), from.get(), Optional.empty(), factor, List.of()));
    }

    /** {@code 20%/month}, {@code 20%}, {@code 0.2}: growth per month as a ratio. */
    public static Parsed<Double> monthlyGrowth(String text) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        for (String suffix : List.of("/month", "/mo", " per month", "/m")) {
            if (trimmed.endsWith(suffix)) {
                trimmed = trimmed.substring(0, trimmed.length() - suffix.length()).strip();
                break;
            }
        }
        return Ratio.parse(trimmed).map(Ratio::asDouble);
    }
}

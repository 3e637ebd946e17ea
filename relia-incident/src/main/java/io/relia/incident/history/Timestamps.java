package io.relia.incident.history;

import io.relia.core.value.Parsed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads the RFC 3339 timestamps and ISO dates of history files; bad text is a value, never an exception. */
final class Timestamps {

    private Timestamps() {
    }

    /** An RFC 3339 timestamp with a zone ({@code Z} or {@code +02:00}); a space for the {@code T} is read too. */
    static Parsed<Instant> instant(String key, String text) {
        String upper = text.strip().toUpperCase(Locale.ROOT).replace(' ', 'T');
        try {
            return Parsed.ok(OffsetDateTime.parse(upper, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException notRfc3339) {
            String hint = upper.matches("\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)?")
                    ? "add the time and zone, e.g. 2026-03-04T10:15:00Z"
                    : "write it as 2026-03-04T10:15:00Z";
            return Parsed.invalid("\"" + key + "\" is not an RFC 3339 time: \"" + text + "\"",
                    "a time with a zone such as 2026-03-04T10:15:00Z", hint);
        }
    }

    /** An ISO calendar date such as {@code 2026-04-01}. */
    static Parsed<LocalDate> date(String key, String text) {
        try {
            return Parsed.ok(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException notDate) {
            return Parsed.invalid("\"" + key + "\" is not a date: \"" + text + "\"", "a date such as 2026-04-01",
                    "write the day only, year first");
        }
    }
}

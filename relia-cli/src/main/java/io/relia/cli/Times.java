package io.relia.cli;

import io.relia.core.value.Durations;
import io.relia.core.value.Parsed;
import picocli.CommandLine;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Moments on the command line: {@code now}, {@code now-2h}, RFC 3339, a date (midnight UTC) or unix seconds. */
final class Times {

    static final String FORMS = "now, now-2h, 2026-10-31T12:00:00Z, 2026-10-31 or unix seconds";

    private Times() {
    }

    static Instant parse(String option, String text, Instant now, CommandLine commandLine) {
        String value = text.trim();
        try {
            if (value.equals("now")) {
                return now;
            }
            if (value.startsWith("now-")) {
                Parsed<Duration> ago = Durations.parse(value.substring(4));
                if (ago instanceof Parsed.Ok<Duration> ok) {
                    return now.minus(ok.value());
                }
            } else if (value.matches("\\d+(\\.\\d+)?")) {
                return Instant.ofEpochMilli(new BigDecimal(value).movePointRight(3).longValueExact());
            } else if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } else {
                return java.time.OffsetDateTime.parse(value).toInstant();
            }
        } catch (DateTimeParseException | ArithmeticException bad) {
            // fall through to the usage error
        }
        throw new CommandLine.ParameterException(commandLine, option + " " + text + " is not a time; expected "
                + FORMS);
    }
}

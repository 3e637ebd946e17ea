package io.relia.server.intake;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Times senders write (RFC 3339, as Alertmanager and PagerDuty do), limited to the years 0001 to 9999 that RFC 3339
 * can write. Java's parser also takes years such as {@code +999999999}, which the store (milliseconds since 1970 in
 * a 64-bit number) cannot hold.
 */
final class SenderTime {

    static final int FIRST_YEAR = 1;
    static final int LAST_YEAR = 9999;
    /** Longest part of a bad value echoed in a message. */
    private static final int SHOWN = 64;

    private SenderTime() {
    }

    /** The time {@code text} names; a {@link DateTimeException} saying what is wrong otherwise. */
    static OffsetDateTime parse(String text) {
        OffsetDateTime time = OffsetDateTime.parse(text);
        if (time.getYear() < FIRST_YEAR || time.getYear() > LAST_YEAR) {
            throw new DateTimeException("the year " + time.getYear() + " is outside " + FIRST_YEAR + " to "
                    + LAST_YEAR);
        }
        return time;
    }

    /** As {@link #parse}, as an instant. */
    static Instant instant(String text) {
        return parse(text).toInstant();
    }

    /** {@code text} as a message may quote it: at most 64 characters. */
    static String shown(String text) {
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…";
    }
}

package io.relia.load.capacity;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How capacity reports write times: UTC days and minutes. */
final class Dates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Dates() {
    }

    static String day(Instant instant) {
        return DAY.format(instant);
    }

    static String minute(Instant instant) {
        return MINUTE.format(instant);
    }
}

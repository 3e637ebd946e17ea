package io.relia.incident.postmortem;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** How the draft writes times and durations: UTC always, prose durations in sentences. */
final class Wording {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private Wording() {
    }

    static String minute(Instant at) {
        return MINUTE.format(at);
    }

    static String second(Instant at) {
        return SECOND.format(at);
    }

    static LocalDate date(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    /** {@code 10:02–10:49 UTC} within one day, full dates when the range crosses midnight. */
    static String range(Instant start, Instant end) {
        if (date(start).equals(date(end))) {
            return CLOCK.format(start) + "–" + CLOCK.format(end) + " UTC";
        }
        return MINUTE.format(start) + " – " + MINUTE.format(end) + " UTC";
    }

    /** A duration for a sentence: "45 seconds", "47 minutes", "1 hour 5 minutes", "2 days 3 hours". */
    static String prose(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return plural(seconds, "second");
        }
        long minutes = (seconds + 30) / 60;
        if (minutes < 60) {
            return plural(minutes, "minute");
        }
        if (minutes < 24 * 60) {
            return plural(minutes / 60, "hour") + (minutes % 60 == 0 ? "" : " " + plural(minutes % 60, "minute"));
        }
        long hours = (minutes + 30) / 60;
        return plural(hours / 24, "day") + (hours % 24 == 0 ? "" : " " + plural(hours % 24, "hour"));
    }

    /** "checkout", "checkout and payments", "a, b and c". */
    static String and(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }

    static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}

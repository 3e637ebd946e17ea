package io.relia.core.review.basic;

import io.relia.core.value.Durations;
import io.relia.core.value.Parsed;

import java.time.Duration;
import java.util.Locale;

/** How often something must be tested: {@code weekly}, {@code monthly}, {@code quarterly}, {@code yearly}, or 90d. */
final class TestFrequency {

    private TestFrequency() {
    }

    static Parsed<Duration> parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "daily" -> Parsed.ok(Duration.ofDays(1));
            case "weekly" -> Parsed.ok(Duration.ofDays(7));
            case "monthly" -> Parsed.ok(Duration.ofDays(31));
            case "quarterly" -> Parsed.ok(Duration.ofDays(92));
            case "half-yearly", "semiannually", "semi-annually" -> Parsed.ok(Duration.ofDays(183));
            case "yearly", "annually", "annual" -> Parsed.ok(Duration.ofDays(366));
            default -> Durations.parse(text).isOk() ? Durations.parse(text)
                    : Parsed.invalid("\"" + text + "\" is not a frequency",
                    "daily, weekly, monthly, quarterly, yearly or a duration such as 90d", "");
        };
    }
}

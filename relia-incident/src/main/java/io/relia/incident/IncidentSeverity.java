package io.relia.incident;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * How bad an incident is, SEV1 (complete outage, data-loss risk) to SEV4 (minor, a workaround exists), with the
 * default time to acknowledge from the severity table of Relia's seeds.
 */
public enum IncidentSeverity {
    SEV1("Complete outage, data loss risk", Duration.ofMinutes(5)),
    SEV2("Major feature unavailable", Duration.ofMinutes(15)),
    SEV3("Degraded performance", Duration.ofHours(1)),
    SEV4("Minor issue, workaround exists", Duration.ofHours(4));

    private final String impact;
    private final Duration defaultResponseTarget;

    IncidentSeverity(String impact, Duration defaultResponseTarget) {
        this.impact = impact;
        this.defaultResponseTarget = defaultResponseTarget;
    }

    /** The impact this level stands for, as the severity table words it. */
    public String impact() {
        return impact;
    }

    /** Time from detection to acknowledgement the seeds ask for at this level. */
    public Duration defaultResponseTarget() {
        return defaultResponseTarget;
    }

    /**
     * The severity a name stands for: {@code SEV2} or {@code P2} in any case (P1..P4 are the priorities of PagerDuty,
     * Opsgenie and most alert labels, and mean SEV1..SEV4); empty for any other text. The one mapping of names to
     * severities: the CLI, the API, history files and alert intake all read severities through it.
     */
    public static Optional<IncidentSeverity> named(String text) {
        String upper = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        String level = upper.startsWith("SEV") ? upper.substring(3) : upper.startsWith("P") ? upper.substring(1) : "";
        for (IncidentSeverity severity : values()) {
            if (severity.name().equals("SEV" + level)) {
                return Optional.of(severity);
            }
        }
        return Optional.empty();
    }

    /**
     * Reads {@code SEV2}, {@code P2} (any case, see {@link #named}) or the bare level {@code 2}; throws
     * {@link IncidentException} for anything else.
     */
    public static IncidentSeverity parse(String text) {
        String bare = text == null ? "" : text.strip();
        return named(bare).or(() -> named("SEV" + bare)).orElseThrow(() -> new IncidentException(
                "unknown severity \"" + text + "\"; expected SEV1, SEV2, SEV3 or SEV4 (or P1 to P4)"));
    }
}

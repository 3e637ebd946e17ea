package io.relia.incident;

import java.time.Duration;
import java.util.Locale;

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

    /** Reads {@code SEV2}, {@code sev2} or {@code 2}; throws {@link IncidentException} for anything else. */
    public static IncidentSeverity parse(String text) {
        String upper = text.strip().toUpperCase(Locale.ROOT);
        String name = upper.startsWith("SEV") ? upper : "SEV" + upper;
        for (IncidentSeverity severity : values()) {
            if (severity.name().equals(name)) {
                return severity;
            }
        }
        throw new IncidentException("unknown severity \"" + text + "\"; expected SEV1, SEV2, SEV3 or SEV4");
    }
}

package io.relia.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The response rules incidents are measured against: time to acknowledge per severity (SEV1 5 min, SEV2 15 min,
 * SEV3 1 h, SEV4 4 h by default, from the seeds), and which severities need a postmortem within how long of
 * resolution (SEV1 and SEV2 within 48 h by default). Drills need no postmortem.
 *
 * @param responseTargets    time from detection to acknowledgement, per severity
 * @param postmortemWithin   time from resolution to a completed postmortem
 * @param postmortemRequired severities whose incidents need one
 */
public record IncidentPolicy(Map<IncidentSeverity, Duration> responseTargets, Duration postmortemWithin,
                             Set<IncidentSeverity> postmortemRequired) {

    /** The seeds' targets, postmortems for SEV1 and SEV2 within 48 h. */
    public static final IncidentPolicy DEFAULT = new IncidentPolicy(Map.of(), Duration.ofHours(48),
            EnumSet.of(IncidentSeverity.SEV1, IncidentSeverity.SEV2));

    public IncidentPolicy {
        EnumMap<IncidentSeverity, Duration> targets = new EnumMap<>(IncidentSeverity.class);
        for (IncidentSeverity severity : IncidentSeverity.values()) {
            Duration target = responseTargets.getOrDefault(severity, severity.defaultResponseTarget());
            if (target.isNegative() || target.isZero()) {
                throw new IncidentException("the response target for " + severity + " must be positive");
            }
            targets.put(severity, target);
        }
        responseTargets = Collections.unmodifiableMap(targets);
        if (postmortemWithin.isNegative() || postmortemWithin.isZero()) {
            throw new IncidentException("the postmortem deadline must be positive");
        }
        postmortemRequired = Collections.unmodifiableSet(postmortemRequired.isEmpty()
                ? EnumSet.noneOf(IncidentSeverity.class) : EnumSet.copyOf(postmortemRequired));
    }

    /** Time allowed from detection to acknowledgement at this severity. */
    public Duration responseTarget(IncidentSeverity severity) {
        return responseTargets.get(severity);
    }

    /** When the incident had to be acknowledged by. */
    public Instant responseDueAt(Incident incident) {
        return incident.times().detected().plus(responseTarget(incident.severity()));
    }

    /** Time from detection to acknowledgement, once acknowledged. */
    public Optional<Duration> responseTime(Incident incident) {
        return incident.times().acknowledgedAt().map(ack -> Duration.between(incident.times().detected(), ack));
    }

    /**
     * True when the acknowledgement came later than the target, or has not come and the target has passed;
     * judged against the current severity.
     */
    public boolean responseBreached(Incident incident, Instant now) {
        Instant acknowledged = incident.times().acknowledgedAt().orElse(now);
        return acknowledged.isAfter(responseDueAt(incident));
    }

    /** True when this incident needs a postmortem: a required severity, not a drill. */
    public boolean needsPostmortem(Incident incident) {
        return !incident.drill() && postmortemRequired.contains(incident.severity());
    }

    /** When its postmortem is due: resolution plus the deadline, for incidents that need one and are resolved. */
    public Optional<Instant> postmortemDueAt(Incident incident) {
        if (!needsPostmortem(incident)) {
            return Optional.empty();
        }
        return incident.times().resolvedAt().map(resolved -> resolved.plus(postmortemWithin));
    }

    /** True when a needed postmortem is not complete and its due time has passed. */
    public boolean postmortemOverdue(Incident incident, Instant now) {
        return incident.times().postmortemCompleted() == null
                && postmortemDueAt(incident).map(now::isAfter).orElse(false);
    }
}

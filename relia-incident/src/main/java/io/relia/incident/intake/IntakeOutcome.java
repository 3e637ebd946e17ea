package io.relia.incident.intake;

import io.relia.incident.Incident;
import io.relia.incident.IncidentSeverity;

import java.util.Optional;

/**
 * What the intake did with one alert event, committed.
 *
 * @param kind      what happened
 * @param incident  the incident it touched, after the change (empty when ignored)
 * @param raisedFrom the incident's severity before this alert raised it, if it did
 */
public record IntakeOutcome(Kind kind, Optional<Incident> incident, Optional<IncidentSeverity> raisedFrom) {

    /** What the intake did. */
    public enum Kind {
        /** A new incident was opened for the alert. */
        OPENED,
        /** The alert joined its group's open incident. */
        JOINED,
        /** A repeat of something already recorded: only the receive count and time changed. */
        REPEATED,
        /** A resolved alert fired again while its incident was open. */
        REFIRED,
        /** The alert resolved; the incident moved to monitoring if it was its last firing alert. */
        RESOLVED,
        /** The sender acknowledged it (PagerDuty); the incident was acknowledged. */
        ACKNOWLEDGED,
        /** Nothing to do: a resolve or acknowledge for an alert with no open incident. */
        IGNORED
    }

    public static IntakeOutcome ignored() {
        return new IntakeOutcome(Kind.IGNORED, Optional.empty(), Optional.empty());
    }
}

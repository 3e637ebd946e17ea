package io.relia.incident;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Every lifecycle moment of an incident, stored explicitly rather than derived from its timeline, so that MTTx
 * numbers survive edits (research: store every timestamp; let responders back-date "impact started").
 * Only {@code declared} and {@code detected} are always known; the others are null until they happen.
 *
 * @param declared            when the record was opened
 * @param impactStarted       when users were first hurt (back-dated by responders), or null when unknown
 * @param detected            when an alert or a person noticed; defaults to {@code declared}
 * @param acknowledged        when a responder took it
 * @param mitigated           when the impact stopped (OUTAGE MITIGATED)
 * @param resolved            when it was declared over (OUTAGE ENDS)
 * @param closed              when the record was closed
 * @param postmortemCompleted when its postmortem was marked complete
 */
public record IncidentTimes(Instant declared, Instant impactStarted, Instant detected, Instant acknowledged,
                            Instant mitigated, Instant resolved, Instant closed, Instant postmortemCompleted) {

    public IncidentTimes {
        Objects.requireNonNull(declared, "declared");
        declared = millis(declared);
        impactStarted = millis(impactStarted);
        detected = detected == null ? declared : millis(detected);
        acknowledged = millis(acknowledged);
        mitigated = millis(mitigated);
        resolved = millis(resolved);
        closed = millis(closed);
        postmortemCompleted = millis(postmortemCompleted);
    }

    /** The store keeps milliseconds; so does the model, so that what is written reads back equal. */
    static Instant millis(Instant at) {
        return at == null ? null : at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    /** A new incident: declared and detected at {@code declared}, nothing else yet. */
    public static IncidentTimes declaredAt(Instant declared) {
        return new IncidentTimes(declared, null, declared, null, null, null, null, null);
    }

    public Optional<Instant> impactStartedAt() {
        return Optional.ofNullable(impactStarted);
    }

    public Optional<Instant> acknowledgedAt() {
        return Optional.ofNullable(acknowledged);
    }

    public Optional<Instant> mitigatedAt() {
        return Optional.ofNullable(mitigated);
    }

    public Optional<Instant> resolvedAt() {
        return Optional.ofNullable(resolved);
    }

    public Optional<Instant> closedAt() {
        return Optional.ofNullable(closed);
    }

    public Optional<Instant> postmortemCompletedAt() {
        return Optional.ofNullable(postmortemCompleted);
    }

    IncidentTimes withDeclared(Instant at) {
        return new IncidentTimes(at, impactStarted, detected, acknowledged, mitigated, resolved, closed,
                postmortemCompleted);
    }

    IncidentTimes withImpactStarted(Instant at) {
        return new IncidentTimes(declared, at, detected, acknowledged, mitigated, resolved, closed, postmortemCompleted);
    }

    IncidentTimes withDetected(Instant at) {
        return new IncidentTimes(declared, impactStarted, at, acknowledged, mitigated, resolved, closed,
                postmortemCompleted);
    }

    IncidentTimes withAcknowledged(Instant at) {
        return new IncidentTimes(declared, impactStarted, detected, at, mitigated, resolved, closed,
                postmortemCompleted);
    }

    IncidentTimes withMitigated(Instant at) {
        return new IncidentTimes(declared, impactStarted, detected, acknowledged, at, resolved, closed,
                postmortemCompleted);
    }

    IncidentTimes withResolved(Instant at) {
        return new IncidentTimes(declared, impactStarted, detected, acknowledged, mitigated, at, closed,
                postmortemCompleted);
    }

    IncidentTimes withClosed(Instant at) {
        return new IncidentTimes(declared, impactStarted, detected, acknowledged, mitigated, resolved, at,
                postmortemCompleted);
    }

    IncidentTimes withPostmortemCompleted(Instant at) {
        return new IncidentTimes(declared, impactStarted, detected, acknowledged, mitigated, resolved, closed, at);
    }
}

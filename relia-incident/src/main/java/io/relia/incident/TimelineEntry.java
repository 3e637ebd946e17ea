package io.relia.incident;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One line of an incident's timeline: who, when, what. Changes carry the field with its value before and after;
 * notes, runbook steps and action items carry text.
 *
 * @param id         store identity, ascending in write order
 * @param incidentId the incident it belongs to
 * @param at         when it happened (notes may be back-dated by the scribe)
 * @param actor      who did it (a person, or {@code relia} for automatic entries)
 */
public record TimelineEntry(long id, long incidentId, Instant at, String actor, Kind kind, String field,
                            String before, String after, String text) {

    /** What kind of line it is. */
    public enum Kind {
        /** The incident was declared. */
        CREATED,
        /** A field changed: {@code field}, {@code before}, {@code after}. */
        CHANGED,
        /** A human note. */
        NOTE,
        /** A runbook step ran, was skipped or shown: {@code text} holds command, exit code and trimmed output. */
        RUNBOOK,
        /** An action item was added or changed. */
        ACTION,
        /** An alert fired, repeated or resolved and was linked to the incident by the intake. */
        ALERT,
        /** A notification was sent, or failed after its retries: {@code text} says where and what happened. */
        NOTIFY;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public TimelineEntry {
        Objects.requireNonNull(at, "at");
        at = IncidentTimes.millis(at);
        Objects.requireNonNull(kind, "kind");
        actor = actor == null || actor.isBlank() ? "unknown" : actor.strip();
        field = field == null ? "" : field;
        before = before == null ? "" : before;
        after = after == null ? "" : after;
        text = text == null ? "" : text;
    }

    /**
     * One line for people: "severity: SEV3 → SEV2", "root cause: (none) → …", times as {@code 2026-11-23 10:05:02
     * UTC}; or the note's text.
     */
    public String describe() {
        return switch (kind) {
            case CHANGED -> field.replace('_', ' ') + ": " + readable(before) + " → " + readable(after);
            default -> text;
        };
    }

    private static final java.util.regex.Pattern INSTANT =
            java.util.regex.Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})T(\\d{2}:\\d{2}:\\d{2})(\\.\\d+)?Z$");

    private static String readable(String value) {
        if (value.isEmpty()) {
            return "(none)";
        }
        java.util.regex.Matcher instant = INSTANT.matcher(value);
        return instant.matches() ? instant.group(1) + " " + instant.group(2) + " UTC" : value;
    }
}

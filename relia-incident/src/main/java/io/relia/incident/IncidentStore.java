package io.relia.incident;

import io.relia.incident.intake.AlertEvent;
import io.relia.incident.intake.AlertRecord;
import io.relia.incident.intake.IntakeOutcome;
import io.relia.incident.intake.IntakeRules;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where incidents, their timelines and action items live: SQLite under a data directory, or PostgreSQL. Every write
 * is one transaction: an incident change and the timeline entries it causes commit together or not at all.
 * Edits are functions from the current state to the next ({@link #change}), applied under a row lock, so two
 * responders never overwrite each other's changes.
 */
public interface IncidentStore extends AutoCloseable {

    /** Stores a new incident (its id is ignored) with a "declared" timeline entry; returns it with its id. */
    Incident create(Incident draft, String actor, Instant at);

    /**
     * Stores a past incident with its action items in one transaction, for imports: the timeline gets the
     * declaration and one entry per known lifecycle moment, at the times the record gives, by {@code actor}.
     */
    Incident importIncident(Incident draft, List<ActionItem> actions, String actor, String source);

    /**
     * Applies {@code edit} to the stored incident and records one timeline entry per changed field.
     * Throws {@link IncidentException} for an unknown id or a transition the incident refuses.
     */
    Incident change(long id, String actor, Instant at, UnaryOperator<Incident> edit);

    /** Adds a human note (or a runbook step, with {@code kind} RUNBOOK) to the timeline. */
    TimelineEntry note(long id, String actor, Instant at, TimelineEntry.Kind kind, String text);

    Optional<Incident> find(long id);

    /** The incident, or an {@link IncidentException} naming the id. */
    default Incident get(long id) {
        return find(id).orElseThrow(() -> new IncidentException("no incident INC-" + id));
    }

    List<Incident> list(IncidentQuery query);

    /** The timeline of one incident, in time order (ties in write order). */
    List<TimelineEntry> timeline(long id);

    /** Stores a new action item for its incident and notes it on the incident's timeline. */
    ActionItem addAction(ActionItem draft, String actor, Instant at);

    /** Applies {@code edit} to a stored action item and notes the change on its incident's timeline. */
    ActionItem changeAction(long id, String actor, Instant at, UnaryOperator<ActionItem> edit);

    /** Action items of one incident, or of all incidents with {@code incidentId} empty; oldest first. */
    List<ActionItem> actions(Optional<Long> incidentId);

    /**
     * Applies alert notifications in one transaction (see {@link IntakeRules}): each event's outcome, in order.
     * A firing alert already recorded as firing on an open incident is a repeat and changes nothing but its
     * receive count, so senders may retry freely.
     */
    List<IntakeOutcome> ingest(List<AlertEvent> events, IntakeRules rules, Instant at);

    /** The alerts linked to an incident, oldest first. */
    List<AlertRecord> alerts(long incidentId);

    /** The server's bearer tokens, kept in the same database. */
    ApiTokens tokens();

    /** True when the database answers a trivial query now (readiness). */
    boolean ping();

    /** Releases connections; the store cannot be used afterwards. */
    @Override
    void close();
}

package io.relia.incident.store;

import io.relia.incident.FieldChange;
import io.relia.incident.Incident;
import io.relia.incident.IncidentSeverity;
import io.relia.incident.IncidentStatus;
import io.relia.incident.TimelineEntry;
import io.relia.incident.intake.AlertEvent;
import io.relia.incident.intake.IntakeOutcome;
import io.relia.incident.intake.IntakeRules;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies a batch of alert events in one transaction: deduplicates by the sender's alert identity, groups firing
 * alerts into one open incident per group, raises severity, and moves an incident to monitoring when its last
 * firing alert resolves. Every change of an incident is diffed into timeline entries, as {@code change} does.
 */
final class AlertIntakeWork {

    /** The actor of timeline entries the intake writes. */
    static final String ACTOR = "relia intake";
    /** Most alert names one incident lists; a storm of distinct alerts still shows in its alerts table. */
    private static final int MAX_ALERT_NAMES = 50;
    /** An alert's start is taken as detection only when it is this recent; older means a clock or sender problem. */
    private static final Duration PLAUSIBLE_START = Duration.ofDays(1);

    private final Connection connection;
    private final StatementCache statements;
    private final Dialect dialect;
    private final IntakeRules rules;
    private final Instant at;
    /** Incidents read or written in this transaction, which holds their locks: read each once. */
    private final Map<Long, Incident> incidents = new HashMap<>();

    AlertIntakeWork(StatementCache statements, Dialect dialect, IntakeRules rules, Instant at) {
        this.connection = statements.connection();
        this.statements = statements;
        this.dialect = dialect;
        this.rules = rules;
        this.at = at;
    }

    List<IntakeOutcome> apply(List<AlertEvent> events) throws SQLException {
        List<IntakeOutcome> outcomes = new ArrayList<>(events.size());
        for (AlertEvent event : events) {
            outcomes.add(switch (event.action()) {
                case FIRING -> firing(event);
                case RESOLVED -> resolved(event);
                case ACKNOWLEDGED -> acknowledged(event);
            });
        }
        return outcomes;
    }

    private Incident incident(long id) throws SQLException {
        Incident known = incidents.get(id);
        if (known == null) {
            known = JdbcIncidentStore.lockedIncident(connection, dialect, id);
            incidents.put(id, known);
        }
        return known;
    }

    private IntakeOutcome firing(AlertEvent event) throws SQLException {
        Optional<AlertRows.Latest> latest = AlertRows.latest(statements, event.source(), event.key());
        if (latest.isPresent() && latest.get().incidentOpen()) {
            long incidentId = latest.get().incidentId();
            AlertRows.update(statements, latest.get().id(), true, event, at);
            if (latest.get().firing()) {
                return new IntakeOutcome(IntakeOutcome.Kind.REPEATED, Optional.empty(), Optional.empty());
            }
            Incident before = incident(incidentId);
            Incident after = before.status() == IncidentStatus.MONITORING
                    ? before.withStatus(IncidentStatus.INVESTIGATING, at) : before;
            record(before, after);
            entry(incidentId, "alert " + latest.get().alertname() + " fired again" + describe(event));
            return new IntakeOutcome(IntakeOutcome.Kind.REFIRED, Optional.of(after), Optional.empty());
        }
        String group = rules.groupKey(event.labels());
        Optional<Long> open = AlertRows.openIncidentOfGroup(statements, group, at.minus(rules.window()));
        IncidentSeverity severity = rules.severity(event.labels());
        if (open.isPresent()) {
            Incident before = incident(open.get());
            List<String> alerts = union(before.alerts(), event.alertname(), MAX_ALERT_NAMES);
            List<String> services = union(before.services(), service(event), Integer.MAX_VALUE);
            Incident after = alerts == before.alerts() && services == before.services() ? before
                    : before.withAlerts(alerts).withServices(services);
            Optional<IncidentSeverity> raisedFrom = Optional.empty();
            if (severity.ordinal() < before.severity().ordinal()) {
                after = after.withSeverity(severity);
                raisedFrom = Optional.of(before.severity());
            }
            if (after.status() == IncidentStatus.MONITORING) {
                after = after.withStatus(IncidentStatus.INVESTIGATING, at);
            }
            AlertRows.insert(statements, before.id(), event, group, at);
            AlertRows.touchGroup(statements, group, before.id(), at);
            record(before, after);
            entry(before.id(), "alert " + event.alertname() + " fired" + describe(event));
            return new IntakeOutcome(IntakeOutcome.Kind.JOINED, Optional.of(after), raisedFrom);
        }
        Incident draft = Incident.declare(title(event), severity, at)
                .withSummary(event.annotations().getOrDefault("description",
                        event.annotations().getOrDefault("summary", "")))
                .withServices(service(event).isEmpty() ? List.of() : List.of(service(event)))
                .withLabels(event.labels())
                .withAlerts(List.of(event.alertname()));
        Optional<Instant> started = event.startsAt()
                .filter(start -> !start.isAfter(at) && start.isAfter(at.minus(PLAUSIBLE_START)));
        if (started.isPresent()) {
            draft = draft.withDetected(started.get());
        }
        long id = IncidentRows.insert(connection, draft);
        Incident created = draft.withId(id);
        incidents.put(id, created);
        JdbcIncidentStore.insertEntry(connection, new TimelineEntry(0, id, at, ACTOR, TimelineEntry.Kind.CREATED, "",
                "", "", "declared " + created.severity() + ": " + created.title() + " (from " + sender(event)
                + " alert " + event.alertname() + ")"));
        AlertRows.insert(statements, id, event, group, at);
        AlertRows.touchGroup(statements, group, id, at);
        entry(id, "alert " + event.alertname() + " fired" + describe(event));
        return new IntakeOutcome(IntakeOutcome.Kind.OPENED, Optional.of(created), Optional.empty());
    }

    private IntakeOutcome resolved(AlertEvent event) throws SQLException {
        Optional<AlertRows.Latest> latest = AlertRows.latest(statements, event.source(), event.key());
        if (latest.isEmpty() || !latest.get().incidentOpen()) {
            return IntakeOutcome.ignored();
        }
        long incidentId = latest.get().incidentId();
        AlertRows.update(statements, latest.get().id(), false, event, at);
        if (!latest.get().firing()) {
            return new IntakeOutcome(IntakeOutcome.Kind.REPEATED, Optional.empty(), Optional.empty());
        }
        entry(incidentId, "alert " + latest.get().alertname() + " resolved");
        Incident before = incident(incidentId);
        Incident after = before;
        if (AlertRows.firing(statements, incidentId) == 0 && before.status() != IncidentStatus.MONITORING) {
            after = before.alertsResolved(at);
            record(before, after);
        }
        return new IntakeOutcome(IntakeOutcome.Kind.RESOLVED, Optional.of(after), Optional.empty());
    }

    private IntakeOutcome acknowledged(AlertEvent event) throws SQLException {
        Optional<AlertRows.Latest> latest = AlertRows.latest(statements, event.source(), event.key());
        if (latest.isEmpty() || !latest.get().incidentOpen()) {
            return IntakeOutcome.ignored();
        }
        AlertRows.update(statements, latest.get().id(), latest.get().firing(), event, at);
        Incident before = incident(latest.get().incidentId());
        if (before.times().acknowledged() != null) {
            return new IntakeOutcome(IntakeOutcome.Kind.REPEATED, Optional.empty(), Optional.empty());
        }
        Incident after = before.acknowledge(at);
        record(before, after);
        return new IntakeOutcome(IntakeOutcome.Kind.ACKNOWLEDGED, Optional.of(after), Optional.empty());
    }

    private void record(Incident before, Incident after) throws SQLException {
        if (after == before) {
            return;
        }
        List<FieldChange> changes = after.changesFrom(before);
        if (changes.isEmpty()) {
            return;
        }
        IncidentRows.update(connection, after);
        incidents.put(after.id(), after);
        for (FieldChange change : changes) {
            JdbcIncidentStore.insertEntry(statements, new TimelineEntry(0, after.id(), at, ACTOR,
                    TimelineEntry.Kind.CHANGED, change.field(), change.before(), change.after(), ""));
        }
    }

    private void entry(long incidentId, String text) throws SQLException {
        JdbcIncidentStore.insertEntry(statements, new TimelineEntry(0, incidentId, at, ACTOR, TimelineEntry.Kind.ALERT,
                "", "", "", AlertRows.clip(text, 2_000)));
    }

    /** "HighErrorRate on checkout: 5xx above 2%", at most 200 characters. */
    static String title(AlertEvent event) {
        String service = service(event);
        String summary = event.annotations().getOrDefault("summary", "").strip();
        String title = event.alertname() + (service.isEmpty() ? "" : " on " + service)
                + (summary.isEmpty() || summary.equals(event.alertname()) ? "" : ": " + summary);
        return AlertRows.clip(title.replaceAll("\\s+", " "), 200);
    }

    private static String service(AlertEvent event) {
        return event.labels().getOrDefault("service", "").strip();
    }

    private static String sender(AlertEvent event) {
        return event.source() == AlertEvent.Source.ALERTMANAGER ? "Alertmanager" : "PagerDuty";
    }

    private static String describe(AlertEvent event) {
        String summary = event.annotations().getOrDefault("summary", "").strip();
        return (summary.isEmpty() ? "" : ": " + summary) + " " + new TreeMap<>(event.labels());
    }

    private static List<String> union(List<String> list, String value, int limit) {
        if (value.isEmpty() || list.contains(value) || list.size() >= limit) {
            return list;
        }
        Set<String> next = new LinkedHashSet<>(list);
        next.add(value);
        return List.copyOf(next);
    }
}

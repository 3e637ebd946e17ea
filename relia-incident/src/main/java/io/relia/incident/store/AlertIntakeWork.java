package io.relia.incident.store;

import io.relia.incident.FieldChange;
import io.relia.incident.Incident;
import io.relia.incident.IncidentRules;
import io.relia.incident.IncidentSeverity;
import io.relia.incident.IncidentStatus;
import io.relia.incident.OneLine;
import io.relia.incident.RuleViolation;
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
 * An alert is never refused for its text: line breaks and control characters in the names, labels and summary an
 * incident takes from it are replaced by spaces ({@link OneLine#neutralise}). Changes are checked against
 * {@link IncidentRules} like any other write; one that would break them (only an incident stored before the rules
 * can provoke that) is left out and said on the timeline, and the alert is still recorded.
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
            Incident after = record(before, before.status() == IncidentStatus.MONITORING
                    ? before.withStatus(IncidentStatus.INVESTIGATING, at) : before);
            entry(incidentId, "alert " + latest.get().alertname() + " fired again" + describe(event));
            return new IntakeOutcome(IntakeOutcome.Kind.REFIRED, Optional.of(after), Optional.empty());
        }
        String group = rules.groupKey(event.labels());
        Optional<Long> open = AlertRows.openIncidentOfGroup(statements, group, at.minus(rules.window()));
        IncidentSeverity severity = rules.severity(event.labels());
        if (open.isPresent()) {
            Incident before = incident(open.get());
            List<String> alerts = union(before.alerts(), OneLine.neutralise(event.alertname()), MAX_ALERT_NAMES);
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
            Incident stored = record(before, after);
            entry(before.id(), "alert " + event.alertname() + " fired" + describe(event));
            return new IntakeOutcome(IntakeOutcome.Kind.JOINED, Optional.of(stored),
                    stored == after ? raisedFrom : Optional.empty());
        }
        Incident draft = Incident.declare(title(event), severity, at)
                .withSummary(event.annotations().getOrDefault("description",
                        event.annotations().getOrDefault("summary", "")))
                .withServices(service(event).isEmpty() ? List.of() : List.of(service(event)))
                .withLabels(oneLine(event.labels()))
                .withAlerts(List.of(OneLine.neutralise(event.alertname())));
        Optional<Instant> started = event.startsAt()
                .filter(start -> !start.isAfter(at) && start.isAfter(at.minus(PLAUSIBLE_START)));
        if (started.isPresent()) {
            draft = draft.withDetected(started.get());
        }
        // Its text is neutralised and its times come from this clock, so the rules hold by construction.
        IncidentRules.requireValid(draft, at);
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
            after = record(before, before.alertsResolved(at));
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
        Incident after = record(before, before.acknowledge(at));
        if (after == before) {
            return new IntakeOutcome(IntakeOutcome.Kind.REPEATED, Optional.empty(), Optional.empty());
        }
        return new IntakeOutcome(IntakeOutcome.Kind.ACKNOWLEDGED, Optional.of(after), Optional.empty());
    }

    /** Writes the change with its timeline entries and returns what is stored: {@code before} when refused. */
    private Incident record(Incident before, Incident after) throws SQLException {
        if (after == before) {
            return before;
        }
        List<FieldChange> changes = after.changesFrom(before);
        if (changes.isEmpty()) {
            return before;
        }
        List<RuleViolation> broken = IncidentRules.violations(before, after, at);
        if (!broken.isEmpty()) {
            entry(before.id(), "relia intake left " + before.reference() + " unchanged: " + String.join("; ",
                    broken.stream().map(RuleViolation::message).toList()));
            return before;
        }
        IncidentRows.update(connection, after);
        incidents.put(after.id(), after);
        for (FieldChange change : changes) {
            JdbcIncidentStore.insertEntry(statements, new TimelineEntry(0, after.id(), at, ACTOR,
                    TimelineEntry.Kind.CHANGED, change.field(), change.before(), change.after(), ""));
        }
        return after;
    }

    private void entry(long incidentId, String text) throws SQLException {
        JdbcIncidentStore.insertEntry(statements, new TimelineEntry(0, incidentId, at, ACTOR, TimelineEntry.Kind.ALERT,
                "", "", "", AlertRows.clip(text, 2_000)));
    }

    /** "HighErrorRate on checkout: 5xx above 2%", one line of at most 200 characters. */
    static String title(AlertEvent event) {
        String service = service(event);
        String summary = event.annotations().getOrDefault("summary", "").strip();
        String title = event.alertname() + (service.isEmpty() ? "" : " on " + service)
                + (summary.isEmpty() || summary.equals(event.alertname()) ? "" : ": " + summary);
        String line = AlertRows.clip(OneLine.neutralise(title), 200).strip();
        return line.isEmpty() ? "unnamed alert" : line;
    }

    private static String service(AlertEvent event) {
        return OneLine.neutralise(event.labels().getOrDefault("service", ""));
    }

    private static Map<String, String> oneLine(Map<String, String> labels) {
        Map<String, String> clean = new TreeMap<>();
        labels.forEach((key, value) -> clean.put(OneLine.neutralise(key), OneLine.neutralise(value)));
        return clean;
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

package io.relia.incident.view;

import io.relia.core.report.Document;
import io.relia.core.report.Report;
import io.relia.core.value.Durations;
import io.relia.incident.ActionItem;
import io.relia.incident.Incident;
import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentTimes;
import io.relia.incident.Role;
import io.relia.incident.TimelineEntry;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Incidents as reports: a list, and one incident in full (record, response target, timeline, action items). The
 * JSON view is the same data the server's API returns.
 */
public final class IncidentViews {

    /** JSON shape version of kinds {@code incident} and {@code incidents}. */
    public static final int SCHEMA_VERSION = 1;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(
            ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(
            ZoneOffset.UTC);

    private IncidentViews() {
    }

    /** A table of incidents, newest first. */
    public static Report list(List<Incident> incidents, IncidentPolicy policy, Instant now) {
        List<List<Document.Cell>> rows = new ArrayList<>();
        for (Incident incident : incidents) {
            boolean breached = incident.status().isOpen() && policy.responseBreached(incident, now);
            rows.add(List.of(Document.Cell.of(incident.reference()),
                    new Document.Cell(incident.severity().name(), tone(incident)),
                    Document.Cell.of(incident.status().label()),
                    Document.Cell.of(MINUTE.format(incident.times().declared())),
                    Document.Cell.of(age(incident, now)),
                    Document.Cell.of(String.join(", ", incident.services())),
                    new Document.Cell(incident.title() + (breached ? "  [response target breached]" : "")
                            + (incident.drill() ? "  [drill]" : ""), breached ? Document.Tone.BAD
                            : Document.Tone.PLAIN)));
        }
        Document.Builder document = new Document.Builder("Incidents");
        if (incidents.isEmpty()) {
            document.paragraph("No incidents match.");
        } else {
            document.add(new Document.Table(List.of("Id", "Sev", "Status", "Declared (UTC)", "Duration", "Services",
                    "Title"), rows));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("incidents", incidents.stream().map(incident -> IncidentJson.incident(incident, policy, now))
                .toList());
        return new Report("incidents", SCHEMA_VERSION, data, document.build());
    }

    /** One incident in full. */
    public static Report detail(Incident incident, List<TimelineEntry> timeline, List<ActionItem> actions,
                                IncidentPolicy policy, Instant now) {
        Document.Builder document = new Document.Builder(incident.reference() + ": " + incident.title());
        IncidentTimes times = incident.times();
        List<List<Document.Cell>> facts = new ArrayList<>();
        fact(facts, "Severity", incident.severity() + " (" + incident.severity().impact() + ")");
        fact(facts, "Status", incident.status().label() + ", phase " + incident.phase().label());
        if (incident.drill()) {
            fact(facts, "Drill", "yes: excluded from metrics, no postmortem needed");
        }
        fact(facts, "Services", String.join(", ", incident.services()));
        fact(facts, "Alerts", String.join(", ", incident.alerts()));
        fact(facts, "SLOs", String.join(", ", incident.slos()));
        fact(facts, "Labels", incident.labels().isEmpty() ? "" : incident.labels().toString());
        for (Role role : Role.values()) {
            fact(facts, capitalise(role.title()), incident.roles().getOrDefault(role, "(unassigned)"));
        }
        fact(facts, "Impact started", times.impactStartedAt().map(IncidentViews::utc).orElse("unknown"));
        fact(facts, "Detected", utc(times.detected()));
        fact(facts, "Declared", utc(times.declared()));
        fact(facts, "Acknowledged", times.acknowledgedAt().map(IncidentViews::utc).orElse("not yet"));
        fact(facts, "Mitigated", times.mitigatedAt().map(IncidentViews::utc).orElse("not yet"));
        fact(facts, "Resolved", times.resolvedAt().map(IncidentViews::utc).orElse("not yet"));
        times.closedAt().ifPresent(closed -> fact(facts, "Closed", utc(closed)));
        facts.add(List.of(Document.Cell.of("Response target"), responseCell(incident, policy, now)));
        policy.postmortemDueAt(incident).ifPresent(due -> facts.add(List.of(Document.Cell.of("Postmortem"),
                postmortemCell(incident, policy, due, now))));
        document.add(new Document.Table(List.of("Field", "Value"), facts));
        if (!incident.summary().isEmpty()) {
            document.heading(2, "Summary").paragraph(incident.summary());
        }
        if (!incident.analysis().rootCause().isEmpty()) {
            document.heading(2, "Root cause").paragraph(incident.analysis().rootCause());
        }
        if (!incident.analysis().resolution().isEmpty()) {
            document.heading(2, "Resolution").paragraph(incident.analysis().resolution());
        }
        document.heading(2, "Timeline");
        document.add(new Document.Table(List.of("Time (UTC)", "Who", "What"), timeline.stream()
                .map(entry -> List.of(Document.Cell.of(CLOCK.format(entry.at())), Document.Cell.of(entry.actor()),
                        Document.Cell.of(oneLine(entry.describe())))).toList()));
        document.heading(2, "Action items");
        if (actions.isEmpty()) {
            document.paragraph("None yet: add them with relia action add " + incident.id() + " --title ...");
        } else {
            document.add(actionTable(actions, LocalDate.ofInstant(now, ZoneOffset.UTC)));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("incident", IncidentJson.incident(incident, policy, now));
        data.put("timeline", timeline.stream().map(IncidentJson::entry).toList());
        data.put("actionItems", actions.stream().map(item -> IncidentJson.action(item, now)).toList());
        return new Report("incident", SCHEMA_VERSION, data, document.build());
    }

    /** Action items as a table; overdue ones are marked. */
    public static Document.Table actionTable(List<ActionItem> actions, LocalDate today) {
        List<List<Document.Cell>> rows = new ArrayList<>();
        for (ActionItem item : actions) {
            boolean overdue = item.isOverdue(today);
            rows.add(List.of(Document.Cell.of(item.reference()), Document.Cell.of("INC-" + item.incidentId()),
                    Document.Cell.of(item.title()), Document.Cell.of(item.type().label()),
                    Document.Cell.of(item.owner().isEmpty() ? "(none)" : item.owner()),
                    Document.Cell.of(item.priority().name()),
                    new Document.Cell(item.due() == null ? "" : item.due() + (overdue ? " (overdue)" : ""),
                            overdue ? Document.Tone.BAD : Document.Tone.PLAIN),
                    new Document.Cell(item.status().label(), item.status().isFinished() ? Document.Tone.GOOD
                            : Document.Tone.PLAIN),
                    Document.Cell.of(item.link())));
        }
        return new Document.Table(List.of("Id", "Incident", "Action", "Type", "Owner", "Priority", "Due", "Status",
                "Link"), rows);
    }

    private static Document.Cell responseCell(Incident incident, IncidentPolicy policy, Instant now) {
        Duration target = policy.responseTarget(incident.severity());
        String head = "acknowledge within " + Durations.format(target);
        return policy.responseTime(incident)
                .map(took -> took.compareTo(target) > 0
                        ? new Document.Cell(head + ": BREACHED, acknowledged after " + span(took),
                        Document.Tone.BAD)
                        : new Document.Cell(head + ": met, acknowledged after " + span(took),
                        Document.Tone.GOOD))
                .orElseGet(() -> policy.responseBreached(incident, now)
                        ? new Document.Cell(head + ": BREACHED, not acknowledged "
                        + span(Duration.between(policy.responseDueAt(incident), now))
                        + " after the target", Document.Tone.BAD)
                        : new Document.Cell(head + ": due by " + MINUTE.format(policy.responseDueAt(incident))
                        + " UTC", Document.Tone.WARN));
    }

    private static Document.Cell postmortemCell(Incident incident, IncidentPolicy policy, Instant due, Instant now) {
        if (incident.times().postmortemCompleted() != null) {
            return new Document.Cell("completed " + MINUTE.format(incident.times().postmortemCompleted()),
                    Document.Tone.GOOD);
        }
        return policy.postmortemOverdue(incident, now)
                ? new Document.Cell("OVERDUE: was due " + MINUTE.format(due) + " UTC", Document.Tone.BAD)
                : new Document.Cell("due by " + MINUTE.format(due) + " UTC (relia incident postmortem "
                + incident.id() + ")", Document.Tone.WARN);
    }

    private static Document.Tone tone(Incident incident) {
        return switch (incident.severity()) {
            case SEV1, SEV2 -> Document.Tone.BAD;
            case SEV3 -> Document.Tone.WARN;
            case SEV4 -> Document.Tone.PLAIN;
        };
    }

    private static String age(Incident incident, Instant now) {
        Instant start = incident.times().impactStartedAt().orElse(incident.times().detected());
        Instant end = incident.times().resolvedAt().orElse(now);
        return span(Duration.between(start, end))
                + (incident.status().isOpen() ? " (open)" : "");
    }

    /** Longest timeline line in the table; the JSON view and the postmortem keep the whole entry. */
    static final int MAX_LINE = 160;

    /**
     * A timeline entry on one line of a table: line breaks (LF or CR LF) shown as ⏎, long text cut. A lone CR stays
     * for the text writer to show escaped: dropped, it would hide that the text held one.
     */
    static String oneLine(String text) {
        String flat = text.strip().replace("\r\n", "\n").replace("\n", " ⏎ ");
        return flat.length() <= MAX_LINE ? flat : flat.substring(0, MAX_LINE - 1) + "…";
    }

    /** A duration for people: whole seconds, e.g. {@code 8m1s}; negative spans show as 0s. */
    public static String span(Duration duration) {
        return Durations.format(Duration.ofSeconds(Math.max(0, duration.toSeconds())));
    }

    private static String utc(java.time.Instant at) {
        return CLOCK.format(at) + " UTC";
    }

    private static void fact(List<List<Document.Cell>> facts, String name, String value) {
        facts.add(List.of(Document.Cell.of(name), Document.Cell.of(value.isEmpty() ? "(none)" : value)));
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}

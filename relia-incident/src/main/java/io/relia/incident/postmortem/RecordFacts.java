package io.relia.incident.postmortem;

import io.relia.core.report.Document;
import io.relia.core.report.Document.Cell;
import io.relia.core.report.Document.Tone;
import io.relia.core.value.Durations;
import io.relia.incident.ActionItem;
import io.relia.incident.Incident;
import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentTimes;
import io.relia.incident.Role;
import io.relia.incident.view.IncidentViews;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The parts of the postmortem Relia can state from the record alone: times, links, budgets, targets, roles. */
final class RecordFacts {

    private RecordFacts() {
    }

    /** Impact start when the responders recorded it, otherwise detection. */
    static Instant impactStart(IncidentTimes times) {
        return times.impactStartedAt().orElse(times.detected());
    }

    /** User impact, time to detect / acknowledge / mitigate / resolve, and what the record links. */
    static Document.Table impact(Incident incident, Instant now) {
        IncidentTimes times = incident.times();
        Instant start = impactStart(times);
        String from = times.impactStarted() != null ? "impact start" : "detection (impact start not recorded)";
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(times.mitigatedAt()
                .map(end -> row("Duration of user impact", IncidentViews.span(Duration.between(start, end)) + " ("
                        + Wording.second(start) + " → " + Wording.second(end) + " UTC, " + from + " to mitigation)"))
                .orElseGet(() -> List.of(Cell.of("Duration of user impact"),
                        new Cell("ongoing: " + IncidentViews.span(Duration.between(start, now)) + " so far (since "
                                + Wording.second(start) + " UTC, " + from + ")", Tone.BAD))));
        rows.add(row("Time to detect", times.impactStartedAt()
                .map(begun -> IncidentViews.span(Duration.between(begun, times.detected()))
                        + " (impact start → detection)")
                .orElse("unknown: impact start not recorded")));
        rows.add(row("Time to acknowledge", times.acknowledgedAt()
                .map(ack -> IncidentViews.span(Duration.between(times.detected(), ack)) + " (detection → acknowledgement)")
                .orElse(incident.status().isOpen() ? "not acknowledged yet" : "not recorded")));
        rows.add(row("Time to mitigate", times.mitigatedAt()
                .map(end -> IncidentViews.span(Duration.between(times.detected(), end)) + " (detection → mitigation)")
                .orElse("not mitigated yet")));
        rows.add(row("Time to resolve", times.resolvedAt()
                .map(end -> IncidentViews.span(Duration.between(times.declared(), end)) + " (declaration → resolution)")
                .orElse("not resolved yet")));
        rows.add(row("Affected services", listed(incident.services())));
        rows.add(row("Linked alerts", listed(incident.alerts())));
        rows.add(row("Linked SLOs", listed(incident.slos())));
        return new Document.Table(List.of("Measure", "Value"), rows);
    }

    /** Error budget spent per linked SLO, as the caller computed it; a sentence when there is nothing to show. */
    static Document.Block budgets(Incident incident, List<BudgetImpact> budgets) {
        if (budgets.isEmpty()) {
            return new Document.Paragraph(incident.slos().isEmpty()
                    ? "No SLOs are linked to this incident, so no error budget spend was computed."
                    : "Error budget spend was not computed for the linked SLOs.", Tone.MUTED);
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (BudgetImpact budget : budgets) {
            rows.add(List.of(Cell.of(budget.slo()), Cell.of(percent(budget.objective())),
                    Cell.of(Durations.format(budget.window())),
                    new Cell(String.format(Locale.ROOT, "%.1f%% of the budget", budget.spentFraction() * 100),
                            budget.spentFraction() >= 1 ? Tone.BAD : Tone.PLAIN),
                    Cell.of(budget.basis())));
        }
        return new Document.Table(List.of("SLO", "Objective", "Window", "Error budget spent", "Basis"), rows);
    }

    /** What the record says about detection: linked alerts and detection time against impact start. */
    static Document.BulletList detection(Incident incident) {
        IncidentTimes times = incident.times();
        List<String> facts = new ArrayList<>();
        facts.add(incident.alerts().isEmpty() ? "No alerts are linked to the record."
                : "Linked alerts: " + String.join(", ", incident.alerts()) + ".");
        facts.add(times.impactStartedAt()
                .map(begun -> "Detected " + Wording.second(times.detected()) + " UTC, "
                        + IncidentViews.span(Duration.between(begun, times.detected())) + " after impact started ("
                        + Wording.second(begun) + " UTC).")
                .orElse("Detected " + Wording.second(times.detected()) + " UTC; the impact start is not recorded, so "
                        + "the time to detect is unknown."));
        if (times.declared().isAfter(times.detected())) {
            facts.add("Declared an incident " + IncidentViews.span(Duration.between(times.detected(),
                    times.declared())) + " after detection (" + Wording.second(times.declared()) + " UTC).");
        }
        return new Document.BulletList(facts);
    }

    /** The action items table (Action, Type, Owner, Priority, Due, Status, Link); overdue items are marked. */
    static Document.Table actions(List<ActionItem> actions, LocalDate today) {
        List<List<Cell>> rows = new ArrayList<>();
        for (ActionItem item : actions) {
            boolean overdue = item.isOverdue(today);
            rows.add(List.of(Cell.of(item.title() + " (" + item.reference() + ")"), Cell.of(item.type().label()),
                    item.owner().isEmpty() ? new Cell("(none)", Tone.WARN) : Cell.of(item.owner()),
                    Cell.of(item.priority().name()),
                    new Cell(item.due() == null ? "" : item.due() + (overdue ? " (OVERDUE)" : ""),
                            overdue ? Tone.BAD : Tone.PLAIN),
                    new Cell(item.status().label(), item.status().isFinished() ? Tone.GOOD : Tone.PLAIN),
                    item.link().isEmpty() ? new Cell("(none)", Tone.WARN) : Cell.of(item.link())));
        }
        return new Document.Table(List.of("Action", "Type", "Owner", "Priority", "Due", "Status", "Link"), rows);
    }

    /** Response target, postmortem deadline, roles and labels. */
    static Document.Table supporting(Incident incident, IncidentPolicy policy, Instant now) {
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(Cell.of("Response target"), responseTarget(incident, policy, now)));
        rows.add(List.of(Cell.of("Postmortem due"), postmortemDue(incident, policy, now)));
        for (Role role : Role.values()) {
            rows.add(row(Wording.capitalise(role.title()), incident.roles().getOrDefault(role, "(unassigned)")));
        }
        if (!incident.labels().isEmpty()) {
            List<String> labels = new ArrayList<>();
            incident.labels().forEach((name, value) -> labels.add(name + "=" + value));
            rows.add(row("Labels", String.join(", ", labels)));
        }
        return new Document.Table(List.of("Item", "Value"), rows);
    }

    private static Cell responseTarget(Incident incident, IncidentPolicy policy, Instant now) {
        Duration target = policy.responseTarget(incident.severity());
        String head = "acknowledge " + incident.severity() + " within " + Durations.format(target) + ": ";
        return policy.responseTime(incident).map(took -> took.compareTo(target) > 0
                        ? new Cell(head + "breached by " + IncidentViews.span(took.minus(target)) + " (acknowledged "
                        + IncidentViews.span(took) + " after detection)", Tone.BAD)
                        : new Cell(head + "met (acknowledged " + IncidentViews.span(took) + " after detection)",
                        Tone.GOOD))
                .orElseGet(() -> {
                    if (!incident.status().isOpen()) {
                        return new Cell(head + "unknown (the acknowledgement time is not recorded)", Tone.MUTED);
                    }
                    Instant due = policy.responseDueAt(incident);
                    return now.isAfter(due)
                            ? new Cell(head + "breached by " + IncidentViews.span(Duration.between(due, now))
                            + " so far (not acknowledged)", Tone.BAD)
                            : new Cell(head + "due by " + Wording.minute(due) + " UTC", Tone.WARN);
                });
    }

    private static Cell postmortemDue(Incident incident, IncidentPolicy policy, Instant now) {
        if (incident.drill()) {
            return new Cell("not required (drill)", Tone.MUTED);
        }
        if (!policy.needsPostmortem(incident)) {
            return new Cell("not required by the incident policy for " + incident.severity(), Tone.MUTED);
        }
        Instant completed = incident.times().postmortemCompleted();
        return policy.postmortemDueAt(incident).map(due -> {
            if (completed != null) {
                return completed.isAfter(due)
                        ? new Cell("completed " + Wording.minute(completed) + " UTC, "
                        + IncidentViews.span(Duration.between(due, completed)) + " after the due time "
                        + Wording.minute(due) + " UTC", Tone.WARN)
                        : new Cell("completed " + Wording.minute(completed) + " UTC, on time (due "
                        + Wording.minute(due) + " UTC)", Tone.GOOD);
            }
            return policy.postmortemOverdue(incident, now)
                    ? new Cell("OVERDUE by " + IncidentViews.span(Duration.between(due, now)) + " (was due "
                    + Wording.minute(due) + " UTC)", Tone.BAD)
                    : new Cell("due by " + Wording.minute(due) + " UTC (" + Durations.format(policy.postmortemWithin())
                    + " after resolution)", Tone.WARN);
        }).orElseGet(() -> new Cell("due " + Durations.format(policy.postmortemWithin())
                + " after resolution (not resolved yet)", Tone.PLAIN));
    }

    /** 0.999 as "99.9%", exactly. */
    static String percent(double ratio) {
        // 12 significant digits: 99.9 / 100 is 0.9990000000000001 in binary; the objective was written as 99.9.
        return BigDecimal.valueOf(ratio).round(new java.math.MathContext(12)).movePointRight(2).stripTrailingZeros()
                .toPlainString() + "%";
    }

    private static String listed(List<String> items) {
        return items.isEmpty() ? "(none recorded)" : String.join(", ", items);
    }

    private static List<Cell> row(String name, String value) {
        return List.of(Cell.of(name), Cell.of(value));
    }
}

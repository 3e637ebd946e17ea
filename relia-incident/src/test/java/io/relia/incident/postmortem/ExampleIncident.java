package io.relia.incident.postmortem;

import io.relia.incident.ActionItem;
import io.relia.incident.Analysis;
import io.relia.incident.Incident;
import io.relia.incident.IncidentSeverity;
import io.relia.incident.IncidentStatus;
import io.relia.incident.Role;
import io.relia.incident.TimelineEntry;
import io.relia.incident.TimelineEntry.Kind;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A realistic SEV2: a bad connection-pool setting shipped to checkout, payments time out. Impact 10:02–10:49 UTC on
 * 2026-03-10, detected 10:05 by an alert, declared 10:06, acknowledged 10:09, mitigated 10:49, resolved 11:30.
 */
final class ExampleIncident {

    static final Instant NOW = Instant.parse("2026-03-13T09:00:00Z");
    static final Instant DECLARED = at("10:06:00");

    private ExampleIncident() {
    }

    static Instant at(String clock) {
        return Instant.parse("2026-03-10T" + clock + "Z");
    }

    /** The record as responders left it before writing the analysis. */
    static Incident bare() {
        return Incident.declare("Checkout payments time out", IncidentSeverity.SEV2, DECLARED)
                .withId(42)
                .withSummary("Card payments failed with timeouts after a configuration rollout.")
                .withServices(List.of("checkout", "payments"))
                .withAlerts(List.of("CheckoutHighErrorRate", "PaymentsLatencyP99"))
                .withSlos(List.of("checkout/availability"))
                .withLabels(Map.of("team", "payments", "region", "eu-west-1"))
                .withRole(Role.INCIDENT_COMMANDER, "alice")
                .withRole(Role.OPERATIONS_LEAD, "bob")
                .withRole(Role.SCRIBE, "carol")
                .withDetected(at("10:05:00"))
                .withImpactStarted(at("10:02:00"))
                .acknowledge(at("10:09:00"))
                .withStatus(IncidentStatus.IDENTIFIED, at("10:31:00"))
                .mitigate(at("10:49:00"))
                .resolve(at("11:30:00"));
    }

    /** The same record once the responders wrote their analysis. */
    static Incident analysed() {
        return bare().withAnalysis(new Analysis(
                "The payments client's pool size is read from shared configuration without a lower bound.\n\n"
                        + "Canary analysis compares error rates only, not latency.",
                "A configuration rollout set the payments connection pool size to 2.",
                "Rolled the configuration back at 10:47; pool size now validated at deploy time.",
                "CheckoutHighErrorRate paged the on-call engineer three minutes after impact began.",
                "About 3,100 card payments failed; customers could retry.",
                "The rollback runbook worked first time.",
                "The canary passed because it does not look at latency.",
                "The rollout happened outside the evening peak.",
                List.of("Payments timed out because the pool had 2 connections.",
                        "The pool had 2 connections because the rollout set it so.",
                        "Nothing refused it because pool size has no lower bound.")));
    }

    static List<TimelineEntry> timeline() {
        return List.of(
                new TimelineEntry(1, 42, DECLARED, "alice", Kind.CREATED, "", "", "",
                        "Declared from alert CheckoutHighErrorRate"),
                new TimelineEntry(2, 42, at("10:09:00"), "alice", Kind.CHANGED, "acknowledged", "",
                        "2026-03-10T10:09:00Z", ""),
                new TimelineEntry(3, 42, at("10:12:30"), "bob", Kind.NOTE, "", "", "",
                        "Payments p99 at 30 s; pool exhausted in thread dumps"),
                new TimelineEntry(4, 42, at("10:31:00"), "alice", Kind.CHANGED, "status", "investigating",
                        "identified", ""),
                new TimelineEntry(5, 42, at("10:47:00"), "bob", Kind.RUNBOOK, "", "", "",
                        "relia-config rollback payments --to previous\nexit 0\nrolled back to revision 41"),
                new TimelineEntry(6, 42, at("10:49:00"), "alice", Kind.CHANGED, "status", "identified", "monitoring",
                        ""),
                new TimelineEntry(7, 42, at("11:30:00"), "alice", Kind.CHANGED, "status", "monitoring", "resolved",
                        ""),
                new TimelineEntry(8, 42, at("10:20:00"), "carol", Kind.NOTE, "", "", "",
                        "Back-dated: customer support reports failed payments since 10:02"),
                new TimelineEntry(9, 42, at("11:35:00"), "relia", Kind.ACTION, "", "", "",
                        "Action item ACT-7 added"));
    }

    static List<ActionItem> actions() {
        Instant created = at("11:35:00");
        return List.of(
                new ActionItem(7, 42, "Validate pool size at deploy time", ActionItem.Type.PREVENT, "bob",
                        ActionItem.Priority.P1, LocalDate.parse("2026-03-12"), ActionItem.Status.IN_PROGRESS,
                        "PAY-1234", created, created),
                new ActionItem(8, 42, "Add latency to canary analysis", ActionItem.Type.PREVENT, "dana",
                        ActionItem.Priority.P2, LocalDate.parse("2026-03-31"), ActionItem.Status.OPEN,
                        "PLAT-88", created, created),
                new ActionItem(9, 42, "Roll back the pool setting", ActionItem.Type.MITIGATE, "bob",
                        ActionItem.Priority.P1, null, ActionItem.Status.DONE, "", created, created));
    }

    static List<BudgetImpact> budgets() {
        return List.of(new BudgetImpact("checkout/availability", 0.999, Duration.ofDays(28), 1.1657,
                "assuming full unavailability during impact"));
    }
}

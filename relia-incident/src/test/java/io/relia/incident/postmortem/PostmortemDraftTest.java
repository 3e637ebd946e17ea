package io.relia.incident.postmortem;

import io.relia.core.report.Document;
import io.relia.core.report.Document.Block;
import io.relia.core.report.Document.Cell;
import io.relia.incident.ActionItem;
import io.relia.incident.Analysis;
import io.relia.incident.Incident;
import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentSeverity;
import io.relia.incident.TimelineEntry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.relia.incident.postmortem.ExampleIncident.NOW;
import static io.relia.incident.postmortem.ExampleIncident.at;
import static org.assertj.core.api.Assertions.assertThat;

/** What a postmortem draft says, where, and what it leaves to the responders. */
class PostmortemDraftTest {

    private static Document draft(Incident incident, List<ActionItem> actions) {
        return PostmortemDraft.of(incident, ExampleIncident.timeline(), actions, IncidentPolicy.DEFAULT,
                List.of(), NOW);
    }

    /** The blocks under a heading, up to the next heading of the same or a higher level. */
    private static List<Block> section(Document document, String title) {
        List<Block> blocks = new ArrayList<>();
        int level = 0;
        for (Block block : document.blocks()) {
            if (block instanceof Document.Heading heading) {
                if (heading.text().equals(title)) {
                    level = heading.level();
                    continue;
                }
                if (level > 0 && heading.level() <= level) {
                    break;
                }
            }
            if (level > 0) {
                blocks.add(block);
            }
        }
        assertThat(level).as("section " + title).isPositive();
        return blocks;
    }

    private static List<String> headings(Document document, int level) {
        return document.blocks().stream().filter(block -> block instanceof Document.Heading heading
                && heading.level() == level).map(block -> ((Document.Heading) block).text()).toList();
    }

    private static boolean isPlaceholder(Block block) {
        return block instanceof Document.Paragraph paragraph && paragraph.text().startsWith(Placeholder.MARK);
    }

    private static List<List<String>> rows(Block table) {
        return ((Document.Table) table).rows().stream().map(row -> row.stream().map(Cell::text).toList()).toList();
    }

    @Test
    void sectionsFollowTheSreBookTemplateOrder() {
        Document document = draft(ExampleIncident.analysed(), ExampleIncident.actions());
        assertThat(document.title()).isEqualTo("Postmortem: INC-42 Checkout payments time out");
        assertThat(headings(document, 1)).containsExactly("Summary", "Impact", "Root Causes", "Trigger",
                "Resolution", "Detection", "Action Items", "Lessons Learned", "Five whys", "Timeline",
                "Supporting information");
        assertThat(headings(document, 2)).containsExactly("Error budget", "In the responders' words",
                "What went well", "What went wrong", "Where we got lucky");
    }

    @Test
    void headerGivesDateAuthorsAsContributorsAndDraftStatusBeforeTheFirstSection() {
        Document document = draft(ExampleIncident.analysed(), ExampleIncident.actions());
        assertThat(document.blocks().getFirst()).isEqualTo(new Document.BulletList(List.of(
                "Date: 2026-03-10",
                "Authors (contributors: everyone who held a role or wrote in the timeline): alice (incident "
                        + "commander), bob (operations lead), carol (scribe)",
                "Status: Draft")));
    }

    @Test
    void statusIsCompleteWithActionItemsInProgressUntilEveryItemIsFinished() {
        Incident completed = ExampleIncident.analysed().withPostmortemCompleted(at("15:00:00"));
        List<ActionItem> finished = ExampleIncident.actions().stream()
                .map(item -> item.withStatus(ActionItem.Status.DONE, NOW)).toList();
        assertThat(PostmortemDraft.status(ExampleIncident.analysed(), ExampleIncident.actions())).isEqualTo("Draft");
        assertThat(PostmortemDraft.status(completed, ExampleIncident.actions()))
                .isEqualTo("Complete, action items in progress");
        assertThat(PostmortemDraft.status(completed, finished)).isEqualTo("Complete");
    }

    @Test
    void summaryIsOneSentenceWithSeverityServicesDurationAndImpactWindow() {
        assertThat(section(draft(ExampleIncident.analysed(), List.of()), "Summary")).containsExactly(
                new Document.Paragraph("SEV2 incident affecting checkout and payments for 47 minutes "
                        + "(impact 10:02–10:49 UTC)."),
                new Document.Paragraph("Card payments failed with timeouts after a configuration rollout."));
    }

    @Test
    void summaryCountsFromDetectionAndSaysSoWhenImpactStartIsUnknown() {
        Incident incident = Incident.declare("Slow search", IncidentSeverity.SEV3, at("23:40:00")).withId(3)
                .mitigate(at("23:59:00")).resolve(at("23:59:30"));
        Incident overMidnight = incident.withServices(List.of("search"));
        assertThat(PostmortemDraft.summary(overMidnight, NOW)).isEqualTo("SEV3 incident affecting search for "
                + "19 minutes (impact 23:40–23:59 UTC; impact start not recorded, counted from detection).");
    }

    @Test
    void summaryOfAnUnmitigatedIncidentSaysItIsOngoing() {
        Incident open = Incident.declare("Queue backlog", IncidentSeverity.SEV1, NOW.minus(Duration.ofMinutes(95)))
                .withId(5).withServices(List.of("billing", "ledger", "mail"));
        assertThat(PostmortemDraft.summary(open, NOW)).isEqualTo("SEV1 incident affecting billing, ledger and mail, "
                + "ongoing for 1 hour 35 minutes at the time of writing (impact since 2026-03-13 07:25 UTC; impact "
                + "start not recorded, counted from detection).");
    }

    @Test
    void withoutAnalysisEveryHumanSectionIsOnlyAMarkedPlaceholder() {
        Document document = draft(ExampleIncident.bare(), List.of());
        for (String title : List.of("In the responders' words", "Root Causes", "Trigger", "Resolution",
                "What went well", "What went wrong", "Where we got lucky", "Five whys", "Action Items")) {
            List<Block> blocks = section(document, title);
            assertThat(blocks).as(title).hasSize(1);
            assertThat(isPlaceholder(blocks.getFirst())).as(title + ": " + blocks).isTrue();
        }
        assertThat(((Document.Paragraph) section(document, "Root Causes").getFirst()).text())
                .contains("Relia does not guess root causes");
    }

    @Test
    void withoutAnalysisDetectionHasAPlaceholderAndOnlyTheFactsOfTheRecord() {
        List<Block> detection = section(draft(ExampleIncident.bare(), List.of()), "Detection");
        assertThat(isPlaceholder(detection.getFirst())).isTrue();
        assertThat(detection.subList(1, detection.size())).containsExactly(new Document.BulletList(List.of(
                "Linked alerts: CheckoutHighErrorRate, PaymentsLatencyP99.",
                "Detected 2026-03-10 10:05:00 UTC, 3m after impact started (2026-03-10 10:02:00 UTC).",
                "Declared an incident 1m after detection (2026-03-10 10:06:00 UTC).")));
    }

    @Test
    void humanTextReplacesEveryPlaceholder() {
        Document document = draft(ExampleIncident.analysed(), ExampleIncident.actions());
        assertThat(document.blocks().stream().filter(PostmortemDraftTest::isPlaceholder)).isEmpty();
        assertThat(section(document, "Root Causes")).containsExactly(
                new Document.Paragraph("The payments client's pool size is read from shared configuration without a "
                        + "lower bound."),
                new Document.Paragraph("Canary analysis compares error rates only, not latency."));
        assertThat(section(document, "Five whys")).containsExactly(new Document.BulletList(
                Analysis.EMPTY.withFiveWhys(ExampleIncident.analysed().analysis().fiveWhys()).fiveWhys()));
    }

    @Test
    void impactStatesDurationsFromTheRecordAndTheBudgetSpent() {
        Document document = PostmortemDraft.of(ExampleIncident.bare(), List.of(), List.of(), IncidentPolicy.DEFAULT,
                ExampleIncident.budgets(), NOW);
        List<Block> impact = section(document, "Impact");
        assertThat(rows(impact.getFirst())).containsExactly(
                List.of("Duration of user impact", "47m (2026-03-10 10:02:00 → 2026-03-10 10:49:00 UTC, impact start "
                        + "to mitigation)"),
                List.of("Time to detect", "3m (impact start → detection)"),
                List.of("Time to acknowledge", "4m (detection → acknowledgement)"),
                List.of("Time to mitigate", "44m (detection → mitigation)"),
                List.of("Time to resolve", "1h24m (declaration → resolution)"),
                List.of("Affected services", "checkout, payments"),
                List.of("Linked alerts", "CheckoutHighErrorRate, PaymentsLatencyP99"),
                List.of("Linked SLOs", "checkout/availability"));
        assertThat(rows(section(document, "Error budget").getFirst())).containsExactly(List.of(
                "checkout/availability", "99.9%", "28d", "116.6% of the budget",
                "assuming full unavailability during impact"));
    }

    @Test
    void timelineHasEveryEntryInTimeOrderWithOutageMarkers() {
        List<List<String>> rows = rows(section(draft(ExampleIncident.bare(), List.of()), "Timeline").getFirst());
        assertThat(rows).hasSize(ExampleIncident.timeline().size() + 4);
        assertThat(rows.stream().map(row -> row.get(0)).toList()).isSorted();
        assertThat(rows.stream().map(row -> row.get(2)).filter(event -> event.startsWith("OUTAGE")).toList())
                .containsExactly("OUTAGE BEGINS (impact started)", "OUTAGE DETECTED",
                        "OUTAGE MITIGATED (impact stopped)", "OUTAGE ENDS (resolved)");
        assertThat(rows).contains(List.of("2026-03-10 10:49:00", "", "OUTAGE MITIGATED (impact stopped)"),
                List.of("2026-03-10 10:47:00", "bob",
                        "relia-config rollback payments --to previous ⏎ exit 0 ⏎ rolled back to revision 41"));
        int mitigated = rows.indexOf(List.of("2026-03-10 10:49:00", "", "OUTAGE MITIGATED (impact stopped)"));
        assertThat(rows.get(mitigated + 1).get(2)).isEqualTo("status: identified → monitoring");
    }

    @Test
    void timelineCutsVeryLongEventsToOneLine() {
        String longText = "x".repeat(1000);
        assertThat(OutageTimeline.oneLine(longText)).hasSize(OutageTimeline.MAX_EVENT).endsWith("…");
    }

    @Test
    void overdueActionItemsAreMarkedAndMissingOwnersOrLinksShow() {
        List<List<String>> rows = rows(section(draft(ExampleIncident.bare(), ExampleIncident.actions()),
                "Action Items").getFirst());
        assertThat(rows).containsExactly(
                List.of("Validate pool size at deploy time (ACT-7)", "prevent", "bob", "P1", "2026-03-12 (OVERDUE)",
                        "in-progress", "PAY-1234"),
                List.of("Add latency to canary analysis (ACT-8)", "prevent", "dana", "P2", "2026-03-31", "open",
                        "PLAT-88"),
                List.of("Roll back the pool setting (ACT-9)", "mitigate", "bob", "P1", "", "done", "(none)"));
    }

    @Test
    void supportingInformationJudgesResponseTargetAndPostmortemDeadline() {
        List<List<String>> rows = rows(section(draft(ExampleIncident.bare(), List.of()), "Supporting information")
                .getFirst());
        assertThat(rows).startsWith(
                List.of("Response target", "acknowledge SEV2 within 15m: met (acknowledged 4m after detection)"),
                List.of("Postmortem due", "OVERDUE by 21h30m (was due 2026-03-12 11:30 UTC)"),
                List.of("Incident commander", "alice"),
                List.of("Communications lead", "(unassigned)"));
    }

    @Test
    void aLateAcknowledgementIsABreachByTheExcess() {
        Incident late = Incident.declare("Login errors", IncidentSeverity.SEV1, at("08:00:00")).withId(9)
                .acknowledge(at("08:12:30"));
        List<List<String>> rows = rows(section(PostmortemDraft.of(late, List.of(), List.of(),
                IncidentPolicy.DEFAULT, List.of(), NOW), "Supporting information").getFirst());
        assertThat(rows.getFirst()).containsExactly("Response target",
                "acknowledge SEV1 within 5m: breached by 7m30s (acknowledged 12m30s after detection)");
        assertThat(rows.get(1)).containsExactly("Postmortem due", "due 2d after resolution (not resolved yet)");
    }

    @Test
    void contributorsExcludeRelia() {
        List<TimelineEntry> entries = List.of(new TimelineEntry(1, 1, NOW, "relia", TimelineEntry.Kind.NOTE, "",
                "", "", "automatic"), new TimelineEntry(2, 1, NOW, "erin", TimelineEntry.Kind.NOTE, "", "", "", "hi"));
        Incident incident = Incident.declare("t", IncidentSeverity.SEV4, Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(PostmortemDraft.contributors(incident, entries)).containsExactly("erin");
    }
}

package io.relia.incident.postmortem;

import io.relia.core.report.Document;
import io.relia.core.report.Document.Tone;
import io.relia.incident.ActionItem;
import io.relia.incident.Analysis;
import io.relia.incident.Incident;
import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentTimes;
import io.relia.incident.Role;
import io.relia.incident.TimelineEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A blameless postmortem draft in the order of the Google SRE book's example postmortem (Appendix D): header,
 * Summary, Impact, Root Causes, Trigger, Resolution, Detection, Action Items, Lessons Learned, Five whys, Timeline,
 * Supporting information. Relia fills in what the record shows (times, links, budgets, targets) and leaves every
 * part only the responders know (root causes, trigger, lessons) as a marked placeholder until they write it.
 */
public final class PostmortemDraft {

    /** The level-1 sections, in order. */
    public static final List<String> SECTIONS = List.of("Summary", "Impact", "Root Causes", "Trigger", "Resolution",
            "Detection", "Action Items", "Lessons Learned", "Five whys", "Timeline", "Supporting information");

    /** Timeline actors that are not people and so not contributors. */
    private static final List<String> NOT_PEOPLE = List.of("relia", "unknown");

    private PostmortemDraft() {
    }

    /**
     * The draft of one incident's postmortem.
     *
     * @param timeline the incident's timeline entries, in any order
     * @param actions  its action items
     * @param budgets  error budget spent per linked SLO, computed by the caller; may be empty
     * @param now      when the draft is written: decides overdue items and ongoing durations
     */
    public static Document of(Incident incident, List<TimelineEntry> timeline, List<ActionItem> actions,
                              IncidentPolicy policy, List<BudgetImpact> budgets, Instant now) {
        Analysis analysis = incident.analysis();
        Document.Builder doc = new Document.Builder("Postmortem: " + incident.reference() + " " + incident.title());
        header(doc, incident, timeline, actions, now);

        doc.heading(1, "Summary");
        doc.paragraph(summary(incident, now));
        if (!incident.summary().isEmpty()) {
            human(doc, incident.summary(), "");
        }

        doc.heading(1, "Impact");
        doc.add(RecordFacts.impact(incident, now));
        doc.heading(2, "Error budget");
        doc.add(RecordFacts.budgets(incident, budgets));
        doc.heading(2, "In the responders' words");
        human(doc, analysis.impact(), "The impact in users' and the business's terms: requests or orders lost, "
                + "customers affected, revenue, data.");

        doc.heading(1, "Root Causes");
        human(doc, analysis.rootCause(), "The conditions that made this failure possible; there are usually several. "
                + "Relia does not guess root causes.");
        doc.heading(1, "Trigger");
        human(doc, analysis.trigger(), "What set the failure off (a change, a traffic spike, an expiry), as distinct "
                + "from the root causes.");
        doc.heading(1, "Resolution");
        human(doc, analysis.resolution(), "How the impact was mitigated, and what fixes it for good.");
        doc.heading(1, "Detection");
        human(doc, analysis.detection(), "How the problem was noticed (which alert or page, or who), and whether it "
                + "could have been noticed sooner.");
        doc.add(RecordFacts.detection(incident));

        doc.heading(1, "Action Items");
        if (actions.isEmpty()) {
            doc.add(Placeholder.of("No action items yet: add them with relia action add " + incident.id()
                    + " --title ... (each with an owner, a priority and a tracking link)."));
        } else {
            doc.add(RecordFacts.actions(actions, Wording.date(now)));
        }

        doc.heading(1, "Lessons Learned");
        doc.heading(2, "What went well");
        human(doc, analysis.wentWell(), "What worked in the response and should be kept.");
        doc.heading(2, "What went wrong");
        human(doc, analysis.wentWrong(), "What made the response harder or slower, described as systems and "
                + "decisions, not people.");
        doc.heading(2, "Where we got lucky");
        human(doc, analysis.gotLucky(), "What went right by chance and will not next time.");

        doc.heading(1, "Five whys");
        if (analysis.fiveWhys().isEmpty()) {
            doc.add(Placeholder.of("Ask why, and why again, from the impact down to the conditions behind it."));
        } else {
            doc.add(new Document.BulletList(analysis.fiveWhys()));
        }

        doc.heading(1, "Timeline");
        doc.add(OutageTimeline.table(incident.times(), timeline));

        doc.heading(1, "Supporting information");
        doc.add(RecordFacts.supporting(incident, policy, now));
        return doc.build();
    }

    private static void header(Document.Builder doc, Incident incident, List<TimelineEntry> timeline,
                               List<ActionItem> actions, Instant now) {
        List<String> contributors = contributors(incident, timeline);
        List<String> lines = new ArrayList<>();
        lines.add("Date: " + Wording.date(RecordFacts.impactStart(incident.times())));
        lines.add("Authors (contributors: everyone who held a role or wrote in the timeline): "
                + (contributors.isEmpty() ? Placeholder.MARK : String.join(", ", contributors)));
        lines.add("Status: " + status(incident, actions));
        if (incident.drill()) {
            lines.add("Drill: yes (a game day or test; excluded from incident metrics)");
        }
        doc.add(new Document.BulletList(lines));
        doc.add(new Document.Paragraph("Drafted by Relia from the record of " + incident.reference() + " at "
                + Wording.minute(now) + " UTC. Blameless: describe systems and decisions, not culprits. Text marked "
                + Placeholder.MARK + " is for the people who responded; Relia fills in only what the record shows.",
                Tone.MUTED));
    }

    /** Draft until the postmortem is marked complete; then complete, with action items in progress while any are. */
    static String status(Incident incident, List<ActionItem> actions) {
        if (incident.times().postmortemCompleted() == null) {
            return "Draft";
        }
        return actions.stream().anyMatch(item -> !item.status().isFinished())
                ? "Complete, action items in progress" : "Complete";
    }

    /** Role holders in role order with their role, then timeline actors in order of first appearance. */
    static List<String> contributors(Incident incident, List<TimelineEntry> timeline) {
        Map<String, String> people = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            String person = incident.roles().get(role);
            if (person != null) {
                people.merge(person, role.title(), (held, more) -> held + ", " + more);
            }
        }
        timeline.stream().sorted(java.util.Comparator.comparing(TimelineEntry::at)
                        .thenComparingLong(TimelineEntry::id))
                .map(TimelineEntry::actor).filter(actor -> !NOT_PEOPLE.contains(actor))
                .forEach(actor -> people.putIfAbsent(actor, ""));
        List<String> names = new ArrayList<>();
        people.forEach((person, roles) -> names.add(roles.isEmpty() ? person : person + " (" + roles + ")"));
        return names;
    }

    /** One sentence from the record: severity, services, duration and impact window. */
    static String summary(Incident incident, Instant now) {
        IncidentTimes times = incident.times();
        String what = incident.severity() + (incident.drill() ? " drill" : " incident")
                + (incident.services().isEmpty() ? "" : " affecting " + Wording.and(incident.services()));
        Instant start = RecordFacts.impactStart(times);
        String unknownStart = times.impactStarted() == null ? "; impact start not recorded, counted from detection"
                : "";
        if (times.mitigated() == null) {
            return what + ", ongoing for " + Wording.prose(Duration.between(start, now)) + " at the time of writing "
                    + "(impact since " + Wording.minute(start) + " UTC" + unknownStart + ").";
        }
        return what + " for " + Wording.prose(Duration.between(start, times.mitigated())) + " (impact "
                + Wording.range(start, times.mitigated()) + unknownStart + ").";
    }

    private static void human(Document.Builder doc, String text, String prompt) {
        Placeholder.orText(text, prompt).forEach(doc::add);
    }
}

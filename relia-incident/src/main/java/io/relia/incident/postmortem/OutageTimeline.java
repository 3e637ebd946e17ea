package io.relia.incident.postmortem;

import io.relia.core.report.Document;
import io.relia.core.report.Document.Cell;
import io.relia.core.report.Document.Tone;
import io.relia.incident.IncidentTimes;
import io.relia.incident.TimelineEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The postmortem's timeline: every timeline entry, one line each in time order, with the SRE book's markers
 * (OUTAGE BEGINS, DETECTED, MITIGATED, ENDS) placed at the record's lifecycle times. A marker comes before the
 * entries of the same instant, so that "OUTAGE ENDS" heads the status change that ended it.
 */
final class OutageTimeline {

    /** Longest event text shown; runbook output can run to pages, {@code relia incident show} has it all. */
    static final int MAX_EVENT = 240;

    private OutageTimeline() {
    }

    private record Line(Instant at, int rank, long order, String who, String event, Tone tone) {
    }

    static Document.Table table(IncidentTimes times, List<TimelineEntry> entries) {
        List<Line> lines = new ArrayList<>();
        if (times.impactStarted() != null) {
            lines.add(marker(times.impactStarted(), 0, "OUTAGE BEGINS (impact started)", Tone.BAD));
        }
        lines.add(marker(times.detected(), 1, "OUTAGE DETECTED", Tone.WARN));
        if (times.mitigated() != null) {
            lines.add(marker(times.mitigated(), 2, "OUTAGE MITIGATED (impact stopped)", Tone.GOOD));
        }
        if (times.resolved() != null) {
            lines.add(marker(times.resolved(), 3, "OUTAGE ENDS (resolved)", Tone.GOOD));
        }
        for (TimelineEntry entry : entries) {
            lines.add(new Line(entry.at(), 10, entry.id(), entry.actor(), oneLine(entry.describe()), Tone.PLAIN));
        }
        lines.sort(Comparator.comparing(Line::at).thenComparingInt(Line::rank).thenComparingLong(Line::order));
        List<List<Cell>> rows = lines.stream().map(line -> List.of(Cell.of(Wording.second(line.at())),
                Cell.of(line.who()), new Cell(line.event(), line.tone()))).toList();
        return new Document.Table(List.of("Time (UTC)", "Who", "Event"), rows);
    }

    private static Line marker(Instant at, int rank, String text, Tone tone) {
        return new Line(at, rank, 0, "", text, tone);
    }

    /** Line breaks become " ⏎ " and very long text is cut, so each event stays one line. */
    static String oneLine(String text) {
        String joined = text.strip().replaceAll("\\s*\\R\\s*", " ⏎ ");
        return joined.length() <= MAX_EVENT ? joined : joined.substring(0, MAX_EVENT - 1).stripTrailing() + "…";
    }
}

package io.relia.cli;

import io.relia.core.report.Document;
import io.relia.core.report.Report;
import io.relia.core.report.ReportFormat;
import io.relia.core.report.TerminalText;
import io.relia.incident.Incident;
import io.relia.incident.IncidentPolicy;
import io.relia.incident.view.IncidentJson;
import io.relia.incident.view.IncidentViews;
import picocli.CommandLine;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** How incident commands answer: one line for people, the incident's JSON with {@code --format json}. */
final class IncidentOutput {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private IncidentOutput() {
    }

    /**
     * Reports a written incident: the line in text formats (safe for a terminal, as it may quote the title or a
     * name), the whole record as JSON.
     */
    static void written(ReportOutput output, CommandLine commandLine, Incident incident, IncidentPolicy policy,
                        Instant now, String line) {
        if (output.format(commandLine) == ReportFormat.JSON) {
            output.write(new Report("incident", IncidentViews.SCHEMA_VERSION,
                    Map.of("incident", IncidentJson.incident(incident, policy, now)),
                    new Document.Builder(line).build()), commandLine);
            return;
        }
        commandLine.getOut().println(TerminalText.oneLine(line));
        commandLine.getOut().flush();
    }

    static String clock(Instant at) {
        return CLOCK.format(at);
    }
}

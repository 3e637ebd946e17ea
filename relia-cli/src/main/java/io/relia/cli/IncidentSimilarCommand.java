package io.relia.cli;

import io.relia.core.report.Document;
import io.relia.core.report.Report;
import io.relia.incident.ActionItem;
import io.relia.incident.Incident;
import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentQuery;
import io.relia.incident.IncidentStore;
import io.relia.incident.search.KnownIncident;
import io.relia.incident.search.Match;
import io.relia.incident.search.SimilarIncidents;
import io.relia.incident.view.IncidentJson;
import io.relia.incident.view.IncidentViews;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code relia incident similar}: past incidents like this one, with what caused and fixed them. */
@Command(name = "similar",
        mixinStandardHelpOptions = true,
        description = {"Find past incidents like an incident or a description.", "",
            "BM25 (Lucene) over titles, summaries, services, labels, alerts, root causes, resolutions, postmortem text",
            "and action items, with error strings mapped to the failure they name (x509 -> certificate, NXDOMAIN ->",
            "dns). For an incident, only what a responder knows early is used: title, summary, services, labels and",
            "alerts.", ""},
        footerHeading = "%nExamples:%n",
        footer = {"  relia incident similar 42", "  relia incident similar \"x509: certificate has expired\"", "",
            "Exit codes: 0 searched (also when nothing matches), 2 unknown incident, 3 store failure."})
final class IncidentSimilarCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private IncidentStoreOptions store;

    @Parameters(arity = "1..*", paramLabel = "ID|TEXT", description = "An incident id (42, INC-42) or words.")
    private List<String> query;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "3",
            description = "How many to show (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Mixin
    private ReportOutput output;

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        output.format(commandLine);
        if (limit <= 0) {
            throw new CommandLine.ParameterException(commandLine, "--limit must be positive");
        }
        Instant now = Instant.now();
        String text = String.join(" ", query).strip();
        List<Match> matches;
        String title;
        try (IncidentStore incidents = store.open()) {
            Map<Long, List<ActionItem>> actions = incidents.actions(Optional.empty()).stream()
                    .collect(Collectors.groupingBy(ActionItem::incidentId));
            List<KnownIncident> known = incidents.list(IncidentQuery.ALL).stream()
                    .map(incident -> new KnownIncident(incident, actions.getOrDefault(incident.id(), List.of())))
                    .toList();
            SimilarIncidents search = SimilarIncidents.build(known);
            if (query.size() == 1 && text.matches("(?i)(INC-)?\\d+")) {
                Incident incident = incidents.get(IncidentStoreOptions.incidentId(text));
                matches = search.similarTo(incident, limit);
                title = "Incidents similar to " + incident.reference() + ": " + incident.title();
            } else {
                matches = search.search(text, limit);
                title = "Incidents similar to \"" + text + "\"";
            }
        }
        output.write(report(title, matches, store.policy(), now), commandLine);
        return 0;
    }

    private static Report report(String title, List<Match> matches, IncidentPolicy policy, Instant now) {
        Document.Builder document = new Document.Builder(title);
        List<Map<String, Object>> json = new ArrayList<>();
        if (matches.isEmpty()) {
            document.paragraph("No similar incident in the store. Import past incidents with relia incident import.");
        }
        for (Match match : matches) {
            Incident incident = match.incident();
            document.heading(2, incident.reference() + " (" + incident.severity() + ", " + incident.status().label()
                    + ", " + IncidentOutput.clock(incident.times().declared()).substring(0, 10) + "): "
                    + incident.title());
            List<String> facts = new ArrayList<>();
            facts.add(String.format(Locale.ROOT, "matched %s (BM25 score %.1f, comparable within this list)",
                    match.why(), match.score()));
            if (!incident.services().isEmpty()) {
                facts.add("services: " + String.join(", ", incident.services()));
            }
            facts.add("root cause: " + orUnknown(incident.analysis().rootCause()));
            facts.add("resolution: " + orUnknown(incident.analysis().resolution()));
            document.add(new Document.BulletList(facts));
            if (!match.actionItems().isEmpty()) {
                document.add(IncidentViews.actionTable(match.actionItems(),
                        java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC)));
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("score", match.score());
            entry.put("why", match.why());
            entry.put("incident", IncidentJson.incident(incident, policy, now));
            entry.put("actionItems", match.actionItems().stream().map(item -> IncidentJson.action(item, now))
                    .toList());
            json.add(entry);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("matches", json);
        return new Report("similar-incidents", IncidentViews.SCHEMA_VERSION, data, document.build());
    }

    private static String orUnknown(String text) {
        return text.isEmpty() ? "(not written)" : text;
    }
}

package io.relia.cli;

import io.relia.core.InputException;
import io.relia.core.Problem;
import io.relia.core.report.TerminalText;
import io.relia.incident.Incident;
import io.relia.incident.IncidentQuery;
import io.relia.incident.IncidentStore;
import io.relia.incident.history.HistoricIncident;
import io.relia.incident.history.IncidentHistory;
import io.relia.incident.history.IncidentHistoryFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code relia incident import}: brings past incidents into the store, for metrics and the knowledge base. */
@Command(name = "import",
        mixinStandardHelpOptions = true,
        description = {"Import past incidents from incident history files.", "",
            "Format: schemas/incident-history.schema.json: records, lifecycle times, roles, analysis and action items. Every file is validated first and nothing is",
            "written when any has an error. Each incident is then one transaction, reported on its own line as it",
            "commits, so an interrupted import loses nothing it reported.", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  imported", "  2  a file is invalid (nothing imported)", "  3  store failure", "",
            "Docs: docs/incidents.md"})
final class IncidentImportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private IncidentStoreOptions store;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Incident history files (YAML or JSON).")
    private List<Path> files;

    @Option(names = "--skip-existing",
            description = "Skip incidents whose title and declaration time are already in the store (re-runs).")
    private boolean skipExisting;

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        List<HistoricIncident> incidents = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path file : files) {
            IncidentHistory history = IncidentHistoryFile.read(file);
            problems.addAll(history.problems());
            incidents.addAll(history.incidents());
        }
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new InputException(problems);
        }
        PrintWriter out = commandLine.getOut();
        problems.forEach(problem -> commandLine.getErr().println(problem.format()));
        int imported = 0;
        int skipped = 0;
        try (IncidentStore incidentStore = store.open()) {
            Set<String> existing = new HashSet<>();
            if (skipExisting) {
                incidentStore.list(IncidentQuery.ALL).forEach(incident -> existing.add(key(incident)));
            }
            String actor = store.actor();
            for (HistoricIncident historic : incidents) {
                if (skipExisting && existing.contains(key(historic.incident()))) {
                    skipped++;
                    continue;
                }
                Incident stored = incidentStore.importIncident(historic.incident(), historic.actionItems(), actor,
                        historic.location().file());
                out.println("imported " + stored.reference() + ": " + TerminalText.oneLine(stored.title()));
                out.flush();
                imported++;
            }
        }
        out.println(imported + (imported == 1 ? " incident" : " incidents") + " imported"
                + (skipExisting ? ", " + skipped + " already there" : ""));
        out.flush();
        return 0;
    }

    private static String key(Incident incident) {
        return incident.title() + "\u0000" + Instant.from(incident.times().declared()).toEpochMilli();
    }
}

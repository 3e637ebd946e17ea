package io.relia.cli;

import io.relia.incident.IncidentStore;
import io.relia.incident.TimelineEntry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code relia incident note}: adds a human note to the timeline. */
@Command(name = "note",
        mixinStandardHelpOptions = true,
        description = {"Add a note to an incident's timeline.", "",
            "What was seen, tried, decided. The scribe may back-date it with --at.", ""},
        footerHeading = "%nExamples:%n",
        footer = {"  relia incident note 42 \"rolled back checkout to v41\"",
            "  relia incident note 42 --at now-10m \"first 502s in the payments logs\"", "",
            "Exit codes: 0 noted, 2 unknown incident or empty note, 3 store failure."})
final class IncidentNoteCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private IncidentStoreOptions store;

    @Parameters(index = "0", paramLabel = "ID", description = "Incident id: 42 or INC-42.")
    private String id;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "TEXT", description = "The note.")
    private List<String> text;

    @Option(names = "--at", paramLabel = "TIME", description = "When it happened (default: now): " + Times.FORMS
            + ".")
    private String at;

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        Instant now = Instant.now();
        Instant when = at == null ? now : Times.parse("--at", at, now, commandLine);
        long incidentId = IncidentStoreOptions.incidentId(id);
        try (IncidentStore incidents = store.open()) {
            TimelineEntry entry = incidents.note(incidentId, store.actor(), when, TimelineEntry.Kind.NOTE,
                    String.join(" ", text));
            commandLine.getOut().println("INC-" + incidentId + ": note " + entry.id() + " added at "
                    + IncidentOutput.clock(entry.at()) + " UTC");
            commandLine.getOut().flush();
        }
        return 0;
    }
}

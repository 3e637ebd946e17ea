package io.relia.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code relia incident}: incidents with a severity, a clock, roles and a timeline that writes itself. */
@Command(name = "incident",
        mixinStandardHelpOptions = true,
        description = {"Declare incidents, run them to the end and learn from the past ones.", "",
            "Declare, acknowledge, assign roles, take notes, mitigate, resolve, close: every change is written to the",
            "incident's timeline with who, when and the value before and after.",
            "Stored in SQLite under --data DIR (default ~/.relia) or PostgreSQL with --db URL.", ""},
        subcommands = {IncidentNewCommand.class, IncidentListCommand.class, IncidentShowCommand.class,
            IncidentLifecycleCommands.Ack.class, IncidentAssignCommand.class, IncidentNoteCommand.class,
            IncidentUpdateCommand.class, IncidentLifecycleCommands.Mitigate.class,
            IncidentLifecycleCommands.Resolve.class, IncidentLifecycleCommands.Close.class,
            IncidentLifecycleCommands.Reopen.class, IncidentPostmortemCommand.class,
            IncidentStatsCommand.class, IncidentSimilarCommand.class,
            IncidentImportCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  2  usage error, invalid input, unknown incident or a transition its state forbids",
            "  3  the store could not be opened or written", "", "Docs: docs/incidents.md"})
final class IncidentCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

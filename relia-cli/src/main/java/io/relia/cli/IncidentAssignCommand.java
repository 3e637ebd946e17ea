package io.relia.cli;

import io.relia.incident.Incident;
import io.relia.incident.IncidentStore;
import io.relia.incident.Role;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Instant;
import java.util.concurrent.Callable;

/** {@code relia incident assign}: hands an incident role to a person. */
@Command(name = "assign",
        mixinStandardHelpOptions = true,
        description = {"Give an incident role to a person.", "",
            "Roles: commander (ic), comms, ops or scribe; \"-\" takes the role away. The hand-over is written to the",
            "timeline.", ""},
        footerHeading = "%nExamples:%n",
        footer = {"  relia incident assign 42 commander alice", "  relia incident assign INC-42 scribe -", "",
            "Exit codes: 0 assigned, 2 unknown incident or role, 3 store failure."})
final class IncidentAssignCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private IncidentStoreOptions store;

    @Parameters(index = "0", paramLabel = "ID", description = "Incident id: 42 or INC-42.")
    private String id;

    @Parameters(index = "1", paramLabel = "ROLE", description = "commander (ic), comms, ops or scribe.")
    private String role;

    @Parameters(index = "2", paramLabel = "PERSON", description = "Who takes the role; - to leave it unassigned.")
    private String person;

    @Mixin
    private ReportOutput output;

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        output.format(commandLine);
        Role which = Role.parse(role);
        String who = "-".equals(person) ? "" : person;
        Instant now = Instant.now();
        try (IncidentStore incidents = store.open()) {
            Incident changed = incidents.change(IncidentStoreOptions.incidentId(id), store.actor(), now,
                    incident -> incident.withRole(which, who));
            IncidentOutput.written(output, commandLine, changed, store.policy(), now, changed.reference() + ": "
                    + which.title() + (who.isEmpty() ? " unassigned" : " is " + who));
        }
        return 0;
    }
}

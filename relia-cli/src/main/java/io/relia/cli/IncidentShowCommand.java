package io.relia.cli;

import io.relia.incident.Incident;
import io.relia.incident.IncidentStore;
import io.relia.incident.view.IncidentViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code relia incident show}: one incident in full. */
@Command(name = "show",
        mixinStandardHelpOptions = true,
        description = {"Show an incident in full.", "",
            "Severity, status and phase, roles, services, alerts and SLOs, every timestamp, the response target (met or",
            "breached), the postmortem due date, the timeline and the action items.", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  shown", "  2  unknown incident or usage error", "  3  store failure"})
final class IncidentShowCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private IncidentStoreOptions store;

    @Parameters(paramLabel = "ID", description = "Incident id: 42 or INC-42.")
    private String id;

    @Mixin
    private ReportOutput output;

    @Override
    public Integer call() {
        output.format(spec.commandLine());
        long incidentId = IncidentStoreOptions.incidentId(id);
        try (IncidentStore incidents = store.open()) {
            Incident incident = incidents.get(incidentId);
            output.write(IncidentViews.detail(incident, incidents.timeline(incidentId),
                    incidents.actions(Optional.of(incidentId)), store.policy(), Instant.now()), spec.commandLine());
        }
        return 0;
    }
}

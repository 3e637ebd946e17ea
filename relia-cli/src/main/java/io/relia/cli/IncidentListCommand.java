package io.relia.cli;

import io.relia.core.value.Durations;
import io.relia.incident.IncidentQuery;
import io.relia.incident.IncidentSeverity;
import io.relia.incident.IncidentStatus;
import io.relia.incident.IncidentStore;
import io.relia.incident.view.IncidentViews;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/** {@code relia incident list}: open incidents, or all of them, newest first. */
@Command(name = "list",
        mixinStandardHelpOptions = true,
        description = {"List incidents, newest first.", "",
            "Open ones unless --all or --status is given. Open incidents past their response target without an",
            "acknowledgement are marked.", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  listed (also when none match)", "  2  usage error", "  3  store failure"})
final class IncidentListCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private IncidentStoreOptions store;

    @Option(names = "--all", description = "Resolved and closed incidents too.")
    private boolean all;

    @Option(names = "--status", paramLabel = "STATUS",
            description = "Only this status: investigating, identified, monitoring, resolved or closed.")
    private String status;

    @Option(names = {"-s", "--severity"}, paramLabel = "SEV",
            description = "Only this severity: SEV1 to SEV4, or P1 to P4.")
    private String severity;

    @Option(names = "--service", paramLabel = "NAME", description = "Only incidents affecting this service.")
    private String service;

    @Option(names = "--since", paramLabel = "DURATION", description = "Only incidents declared in the last DURATION "
            + "(e.g. 30d).")
    private String since;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
            description = "At most N incidents (default: ${DEFAULT-VALUE}).")
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
        IncidentQuery query = IncidentQuery.ALL.openOnly(!all && status == null).limit(limit);
        if (status != null) {
            query = query.withStatus(IncidentStatus.parse(status));
        }
        if (severity != null) {
            query = query.withSeverity(IncidentSeverity.parse(severity));
        }
        if (service != null) {
            query = query.withService(service);
        }
        if (since != null) {
            Duration back = Durations.parse(since).asOptional().orElseThrow(() -> new CommandLine.ParameterException(
                    commandLine, "--since " + since + " is not a duration; expected e.g. 30d or 12h"));
            query = query.since(now.minus(back));
        }
        try (IncidentStore incidents = store.open()) {
            output.write(IncidentViews.list(incidents.list(query), store.policy(), now), commandLine);
        }
        return 0;
    }
}

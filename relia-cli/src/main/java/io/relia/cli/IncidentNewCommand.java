package io.relia.cli;

import io.relia.core.value.Durations;
import io.relia.incident.Incident;
import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentSeverity;
import io.relia.incident.IncidentStore;
import io.relia.incident.Role;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code relia incident new}: declares an incident. */
@Command(name = "new",
        mixinStandardHelpOptions = true,
        description = {"Declare an incident and start its clock.", "",
            "It must be acknowledged within the response target of its severity (SEV1 5m, SEV2 15m, SEV3 1h, SEV4 4h",
            "unless the policy says otherwise).", ""},
        footerHeading = "%nExamples:%n",
        footer = {"  relia incident new \"Checkout 502s\" --severity SEV2 --service checkout --alert CheckoutHighErrorRate",
            "  relia incident new \"Search slow\" -s SEV3 --impact-started now-20m --commander alice",
            "", "Exit codes: 0 declared, 2 invalid input, 3 store failure. Docs: docs/incidents.md"})
final class IncidentNewCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private IncidentStoreOptions store;

    @Parameters(arity = "1..*", paramLabel = "TITLE", description = "What is broken, in one line.")
    private List<String> title;

    @Option(names = {"-s", "--severity"}, paramLabel = "SEV", defaultValue = "SEV3",
            description = "SEV1 (complete outage) to SEV4 (minor), or P1 to P4 (default: ${DEFAULT-VALUE}).")
    private String severity;

    @Option(names = "--summary", paramLabel = "TEXT", description = "What users see, in a few sentences.")
    private String summary;

    @Option(names = "--service", paramLabel = "NAME", description = "An affected service (repeatable).")
    private List<String> services = new ArrayList<>();

    @Option(names = "--label", paramLabel = "KEY=VALUE", description = "A label (repeatable).")
    private Map<String, String> labels = new java.util.LinkedHashMap<>();

    @Option(names = "--alert", paramLabel = "NAME", description = "A linked alert (repeatable).")
    private List<String> alerts = new ArrayList<>();

    @Option(names = "--slo", paramLabel = "SERVICE/SLO", description = "A linked SLO (repeatable).")
    private List<String> slos = new ArrayList<>();

    @Option(names = "--commander", paramLabel = "NAME", description = "Incident commander (default: nobody yet).")
    private String commander;

    @Option(names = "--impact-started", paramLabel = "TIME",
            description = "When users were first hurt, if before now: " + Times.FORMS + ".")
    private String impactStarted;

    @Option(names = "--detected", paramLabel = "TIME",
            description = "When an alert or a person noticed, if before now (default: now).")
    private String detected;

    @Option(names = "--at", paramLabel = "TIME", description = "Declaration time (default: now).")
    private String at;

    @Option(names = "--drill", description = "A game day or test: excluded from metrics, no postmortem needed.")
    private boolean drill;

    @Mixin
    private ReportOutput output;

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        Instant now = Instant.now();
        Instant declared = at == null ? now : Times.parse("--at", at, now, commandLine);
        Incident draft = Incident.declare(String.join(" ", title), IncidentSeverity.parse(severity), declared)
                .withSummary(summary).withServices(services).withLabels(labels).withAlerts(alerts).withSlos(slos)
                .withDrill(drill);
        if (commander != null) {
            draft = draft.withRole(Role.INCIDENT_COMMANDER, commander);
        }
        if (detected != null) {
            draft = draft.withDetected(Times.parse("--detected", detected, now, commandLine));
        }
        if (impactStarted != null) {
            draft = draft.withImpactStarted(Times.parse("--impact-started", impactStarted, now, commandLine));
        }
        IncidentPolicy policy = store.policy();
        try (IncidentStore incidents = store.open()) {
            Incident created = incidents.create(draft, store.actor(), declared);
            IncidentOutput.written(output, commandLine, created, policy, now, created.reference() + " declared: "
                    + created.severity() + ", " + created.status().label() + "; acknowledge within "
                    + Durations.format(policy.responseTarget(created.severity())) + " (by "
                    + IncidentOutput.clock(policy.responseDueAt(created)) + " UTC): relia incident ack "
                    + created.id());
        }
        return 0;
    }
}

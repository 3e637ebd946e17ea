package io.relia.cli;

import io.relia.incident.Analysis;
import io.relia.incident.Incident;
import io.relia.incident.IncidentSeverity;
import io.relia.incident.IncidentStatus;
import io.relia.incident.IncidentStore;
import io.relia.incident.FieldChange;
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
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code relia incident update}: changes any field; each change lands in the timeline. */
@Command(name = "update",
        mixinStandardHelpOptions = true,
        description = {"Change an incident's fields and analysis.", "",
            "Severity, status, title, services, links, the back-dated impact start, detection and declaration times,",
            "and the analysis humans write for the postmortem (root cause, trigger, resolution, lessons, five whys).",
            "Each changed field is written to the timeline with its value before and after. Times must keep the",
            "lifecycle order (impact start <= detection <= declaration) and may not lie in the future.", ""},
        footerHeading = "%nExamples:%n",
        footer = {"  relia incident update 42 --severity SEV1 --status identified",
            "  relia incident update 42 --impact-started 2026-11-23T09:58:00Z --add-service payments",
            "  relia incident update 42 --root-cause \"pool of 10 for 40 threads\" --why \"pool sized by default\"",
            "", "Exit codes: 0 updated, 2 invalid value, unknown incident or forbidden transition, 3 store failure."})
final class IncidentUpdateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private IncidentStoreOptions store;

    @Parameters(index = "0", paramLabel = "ID", description = "Incident id: 42 or INC-42.")
    private String id;

    @Option(names = "--title", paramLabel = "TEXT") private String title;
    @Option(names = "--summary", paramLabel = "TEXT") private String summary;
    @Option(names = {"-s", "--severity"}, paramLabel = "SEV", description = "SEV1 to SEV4, or P1 to P4.")
    private String severity;
    @Option(names = "--status", paramLabel = "STATUS", description = "investigating, identified or monitoring.")
    private String status;
    @Option(names = "--add-service", paramLabel = "NAME") private List<String> addServices = new ArrayList<>();
    @Option(names = "--remove-service", paramLabel = "NAME") private List<String> removeServices = new ArrayList<>();
    @Option(names = "--label", paramLabel = "KEY=VALUE", description = "Set a label; KEY= removes it.")
    private Map<String, String> labels = new LinkedHashMap<>();
    @Option(names = "--alert", paramLabel = "NAME", description = "Link an alert.")
    private List<String> alerts = new ArrayList<>();
    @Option(names = "--slo", paramLabel = "SERVICE/SLO", description = "Link an SLO.")
    private List<String> slos = new ArrayList<>();
    @Option(names = "--impact-started", paramLabel = "TIME", description = "Back-date the start of user impact.")
    private String impactStarted;
    @Option(names = "--detected", paramLabel = "TIME", description = "Correct when it was noticed.")
    private String detected;
    @Option(names = "--declared", paramLabel = "TIME", description = "Correct when it was declared.")
    private String declared;
    @Option(names = "--drill", arity = "1", paramLabel = "true|false") private Boolean drill;
    @Option(names = "--root-cause", paramLabel = "TEXT") private String rootCause;
    @Option(names = "--trigger", paramLabel = "TEXT") private String trigger;
    @Option(names = "--resolution", paramLabel = "TEXT") private String resolution;
    @Option(names = "--detection", paramLabel = "TEXT", description = "How it was detected.") private String detection;
    @Option(names = "--impact", paramLabel = "TEXT", description = "Impact in the business's words.")
    private String impact;
    @Option(names = "--went-well", paramLabel = "TEXT") private String wentWell;
    @Option(names = "--went-wrong", paramLabel = "TEXT") private String wentWrong;
    @Option(names = "--got-lucky", paramLabel = "TEXT") private String gotLucky;
    @Option(names = "--why", paramLabel = "TEXT", description = "The five whys, in order (repeatable; replaces).")
    private List<String> whys = new ArrayList<>();
    @Option(names = "--postmortem-complete", description = "Mark the postmortem complete.")
    private boolean postmortemComplete;

    @Mixin
    private ReportOutput output;

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        output.format(commandLine);
        Instant now = Instant.now();
        Instant impactStart = impactStarted == null ? null
                : Times.parse("--impact-started", impactStarted, now, commandLine);
        Instant detectedAt = detected == null ? null : Times.parse("--detected", detected, now, commandLine);
        Instant declaredAt = declared == null ? null : Times.parse("--declared", declared, now, commandLine);
        try (IncidentStore incidents = store.open()) {
            long incidentId = IncidentStoreOptions.incidentId(id);
            Incident before = incidents.get(incidentId);
            Incident changed = incidents.change(incidentId, store.actor(), now, incident -> {
                Incident next = apply(incident, impactStart, now);
                next = declaredAt == null ? next : next.withDeclared(declaredAt);
                return detectedAt == null ? next : next.withDetected(detectedAt);
            });
            List<FieldChange> changes = changed.changesFrom(before);
            IncidentOutput.written(output, commandLine, changed, store.policy(), now, changes.isEmpty()
                    ? changed.reference() + ": nothing changed"
                    : changed.reference() + " updated: " + String.join(", ", changes.stream()
                    .map(FieldChange::field).toList()));
        }
        return 0;
    }

    private Incident apply(Incident incident, Instant impactStart, Instant now) {
        Incident next = incident;
        if (title != null) {
            next = next.withTitle(title);
        }
        if (summary != null) {
            next = next.withSummary(summary);
        }
        if (severity != null) {
            next = next.withSeverity(IncidentSeverity.parse(severity));
        }
        if (status != null) {
            next = next.withStatus(IncidentStatus.parse(status), now);
        }
        if (!addServices.isEmpty() || !removeServices.isEmpty()) {
            List<String> services = new ArrayList<>(next.services());
            services.addAll(addServices);
            services.removeAll(removeServices);
            next = next.withServices(services);
        }
        if (!labels.isEmpty()) {
            Map<String, String> merged = new LinkedHashMap<>(next.labels());
            labels.forEach((key, value) -> {
                if (value == null || value.isEmpty()) {
                    merged.remove(key);
                } else {
                    merged.put(key, value);
                }
            });
            next = next.withLabels(merged);
        }
        if (!alerts.isEmpty()) {
            next = next.withAlerts(concat(next.alerts(), alerts));
        }
        if (!slos.isEmpty()) {
            next = next.withSlos(concat(next.slos(), slos));
        }
        if (impactStart != null) {
            next = next.withImpactStarted(impactStart);
        }
        if (drill != null) {
            next = next.withDrill(drill);
        }
        next = next.withAnalysis(analysis(next.analysis()));
        if (postmortemComplete) {
            next = next.withPostmortemCompleted(now);
        }
        return next;
    }

    private Analysis analysis(Analysis analysis) {
        Analysis next = analysis;
        if (rootCause != null) {
            next = next.withRootCause(rootCause);
        }
        if (trigger != null) {
            next = next.withTrigger(trigger);
        }
        if (resolution != null) {
            next = next.withResolution(resolution);
        }
        if (detection != null) {
            next = next.withDetection(detection);
        }
        if (impact != null) {
            next = next.withImpact(impact);
        }
        if (wentWell != null || wentWrong != null || gotLucky != null) {
            next = next.withLessons(wentWell == null ? next.wentWell() : wentWell,
                    wentWrong == null ? next.wentWrong() : wentWrong, gotLucky == null ? next.gotLucky() : gotLucky);
        }
        if (!whys.isEmpty()) {
            next = next.withFiveWhys(whys);
        }
        return next;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}

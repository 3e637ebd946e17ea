package io.relia.cli;

import io.relia.core.report.Document;
import io.relia.core.report.Report;
import io.relia.incident.Incident;
import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentStore;
import io.relia.incident.postmortem.BudgetImpact;
import io.relia.incident.postmortem.PostmortemDraft;
import io.relia.slo.Slo;
import io.relia.slo.SloFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code relia incident postmortem}: a blameless postmortem draft from the incident record. */
@Command(name = "postmortem",
        mixinStandardHelpOptions = true,
        description = {"Draft a blameless postmortem from the incident record.", "",
            "Sections in the Google SRE book's order: summary, impact, root causes, trigger, resolution, detection,",
            "action items, lessons learned, five whys, timeline, supporting information. What the record knows is",
            "filled in (durations, services, alerts, the timeline with OUTAGE markers, the response target); what only",
            "people know (root causes, trigger, resolution, lessons) comes from relia incident update, else is left",
            "as a marked gap: Relia never invents it. With --slo, the error budget each linked SLO lost is estimated.",
            "The default format is Markdown.", ""},
        footerHeading = "%nExamples:%n",
        footer = {"  relia incident postmortem 42 --format markdown --output INC-42-postmortem.md",
            "  relia incident postmortem 42 --format html --slo reliability/slos.yaml --output postmortem.html",
            "  relia incident update 42 --postmortem-complete     # when it has been reviewed", "",
            "Exit codes: 0 drafted, 2 unknown incident or invalid SLO file, 3 store failure or unwritable output."})
final class IncidentPostmortemCommand implements Callable<Integer> {

    /** The SLO period when a spec sets none: the most common rolling window. */
    static final Duration DEFAULT_SLO_PERIOD = Duration.ofDays(30);

    @Spec
    private CommandSpec spec;

    @Mixin
    private IncidentStoreOptions store;

    @Parameters(paramLabel = "ID", description = "Incident id: 42 or INC-42.")
    private String id;

    @Option(names = "--slo", paramLabel = "FILE", split = ",",
            description = "SLO files (native, Sloth, OpenSLO, Pyrra) defining the incident's linked SLOs, to "
                    + "estimate the error budget each lost.")
    private List<Path> sloFiles = new ArrayList<>();

    @Mixin
    private ReportOutput output;

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        if (!commandLine.getParseResult().hasMatchedOption("--format")) {
            output.format = "markdown";
        }
        output.format(commandLine);
        List<SloFile> slos = sloFiles.isEmpty() ? List.of() : SloFiles.loadAll(sloFiles, commandLine.getErr(), false);
        long incidentId = IncidentStoreOptions.incidentId(id);
        IncidentPolicy policy = store.policy();
        Instant now = Instant.now();
        Document draft;
        try (IncidentStore incidents = store.open()) {
            Incident incident = incidents.get(incidentId);
            draft = PostmortemDraft.of(incident, incidents.timeline(incidentId),
                    incidents.actions(Optional.of(incidentId)), policy, budgets(incident, slos, now), now);
        }
        output.write(new Report("postmortem", 1, Map.of(), draft), commandLine);
        return 0;
    }

    /**
     * The budget each linked SLO lost, assuming every event failed during the user impact: an upper bound, stated
     * as such. Linked SLOs are matched by {@code service/name}, Sloth's {@code service-name} or the name alone.
     */
    static List<BudgetImpact> budgets(Incident incident, List<SloFile> files, Instant now) {
        List<BudgetImpact> budgets = new ArrayList<>();
        Instant start = incident.times().impactStartedAt().orElse(incident.times().detected());
        Instant end = incident.times().mitigatedAt().orElse(incident.times().resolvedAt().orElse(now));
        Duration impact = Duration.between(start, end).isNegative() ? Duration.ZERO : Duration.between(start, end);
        for (String linked : incident.slos()) {
            for (SloFile file : files) {
                for (Slo slo : file.slos()) {
                    if (linked.equals(slo.service() + "/" + slo.name()) || linked.equals(slo.id())
                            || linked.equals(slo.name())) {
                        Duration window = slo.period().orElse(DEFAULT_SLO_PERIOD);
                        double budgetSeconds = window.toSeconds() * slo.errorBudgetRatio();
                        budgets.add(new BudgetImpact(slo.service() + "/" + slo.name(), slo.objective() / 100,
                                window, impact.toSeconds() / budgetSeconds, "upper bound: every request failing for "
                                + "the " + io.relia.incident.view.IncidentViews.span(impact) + " of user impact; "
                                + "measure it with relia slo status --prometheus URL"));
                    }
                }
            }
        }
        return budgets;
    }
}

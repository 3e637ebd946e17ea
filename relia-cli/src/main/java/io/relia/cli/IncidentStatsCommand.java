package io.relia.cli;

import io.relia.core.value.Durations;
import io.relia.incident.IncidentQuery;
import io.relia.incident.IncidentStore;
import io.relia.incident.metrics.IncidentMetrics;
import io.relia.incident.metrics.MetricsReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/** {@code relia incident stats}: MTTD, MTTA, MTTR and MTBF over a period. */
@Command(name = "stats",
        mixinStandardHelpOptions = true,
        description = {"Measure MTTD, MTTA, MTTR and MTBF over a period, overall, per severity and per service.", "",
            "MTTD: impact start -> detection. MTTA: detection -> acknowledgement. MTTR: time to recover, impact start",
            "(detection when unknown) -> mitigation. MTBF: (period - impact time) / incidents. Medians and p90 beside",
            "the means; drills are left out. The HTML report has a chart of median MTTA and MTTR per severity.", ""},
        footerHeading = "%nExamples:%n",
        footer = {"  relia incident stats --since 90d", "  relia incident stats --since 365d --format html --output "
            + "incident-stats.html", "", "Exit codes: 0 reported, 2 usage error, 3 store failure."})
final class IncidentStatsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private IncidentStoreOptions store;

    @Option(names = "--since", paramLabel = "DURATION", defaultValue = "90d",
            description = "The period: incidents declared in the last DURATION (default: ${DEFAULT-VALUE}).")
    private String since;

    @Option(names = "--until", paramLabel = "TIME", description = "End of the period (default: now): "
            + Times.FORMS + ".")
    private String until;

    @Mixin
    private ReportOutput output;

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        output.format(commandLine);
        Instant now = Instant.now();
        Instant to = until == null ? now : Times.parse("--until", until, now, commandLine);
        Duration back = Durations.parse(since).asOptional().filter(Duration::isPositive)
                .orElseThrow(() -> new CommandLine.ParameterException(commandLine, "--since " + since
                        + " is not a positive duration; expected e.g. 90d"));
        Instant from = to.minus(back);
        IncidentMetrics metrics;
        try (IncidentStore incidents = store.open()) {
            metrics = IncidentMetrics.compute(incidents.list(IncidentQuery.ALL.since(from)), from, to, now,
                    store.policy());
        }
        output.write(MetricsReport.report(metrics), commandLine);
        return 0;
    }
}

package io.relia.cli;

import io.relia.core.ExitCode;
import io.relia.core.InputException;
import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.slo.Slo;
import io.relia.slo.SloFile;
import io.relia.slo.grafana.GrafanaDashboards;
import io.relia.slo.rules.AlertWindows;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code relia slo dashboard}: Grafana dashboards over the rules {@code relia slo generate} writes. */
@Command(name = "dashboard",
        mixinStandardHelpOptions = true,
        description = {"Generate Grafana dashboards for the SLOs: an overview and one dashboard per service.", "",
            "slo-overview.json lists every SLO (objective, SLI, error budget left, burn rate, firing alerts);",
            "slo-<service>.json shows per SLO the SLI against the objective, the budget left, the burn rate over",
            "each alert window with the alert's threshold, and the alerts' state. Panels query the recording rules",
            "of 'relia slo generate' (Sloth's names), so generate the rules with the same --default-period.",
            "Grafana dashboard JSON, schemaVersion " + GrafanaDashboards.SCHEMA_VERSION + " (Grafana 11.6 and later): "
                + "import with Dashboards > New > Import,",
            "or point a dashboard provider at DIR. Prints one 'wrote FILE' line per dashboard on standard error.", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  dashboards written",
            "  2  usage error, invalid spec or unwritable --out (nothing is written for an invalid spec)"})
final class SloDashboardCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "SLO spec files.")
    private List<Path> files;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Write the dashboards into DIR (created when missing; files replaced atomically).")
    private Path out;

    @Option(names = "--datasource", paramLabel = "UID",
            description = "Query this Prometheus datasource UID instead of offering a datasource variable.")
    private String datasource;

    @Option(names = {"--default-period", "--period"}, paramLabel = "DURATION", defaultValue = "30d",
            description = "SLO period for SLOs that name none, as given to 'slo generate' (default: ${DEFAULT-VALUE}).")
    private String defaultPeriod;

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        Duration period = SloFiles.period(defaultPeriod, commandLine);
        if (datasource != null && !GrafanaDashboards.isValidUid(datasource)) {
            throw new CommandLine.ParameterException(commandLine, "--datasource " + datasource + " is not a Grafana "
                    + "UID; expected letters, digits, - and _, at most " + GrafanaDashboards.MAX_UID_LENGTH
                    + " characters (Connections > Data sources > your Prometheus: the UID is in the page's URL)");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new CommandLine.ParameterException(commandLine, "--out " + out + " is not a directory");
        }
        List<SloFile> loaded = SloFiles.loadAll(files, commandLine.getErr(), false);
        List<Slo> slos = loaded.stream().flatMap(file -> file.slos().stream()).toList();
        if (slos.isEmpty()) {
            throw new InputException(Problem.error(Location.wholeFile(files.getFirst()), "no SLOs in "
                    + String.join(", ", files.stream().map(Path::toString).toList()), "at least one SLO", ""));
        }
        GrafanaDashboards.Options options = new GrafanaDashboards.Options(Optional.ofNullable(datasource),
                "Relia " + ReliaCommand.version());
        for (GrafanaDashboards.Dashboard dashboard : GrafanaDashboards.of(slos, period, AlertWindows.GOOGLE,
                options)) {
            Path target = out.resolve(dashboard.fileName());
            try {
                ReportOutput.writeAtomically(target, dashboard.json());
            } catch (IOException failed) {
                throw new InputException(List.of(Problem.error(Location.wholeFile(target),
                        "cannot write: " + failed.getMessage(), "a writable directory", "")));
            }
            commandLine.getErr().println("wrote " + target);
        }
        return ExitCode.OK;
    }
}

package io.relia.cli;

import io.relia.audit.Auditor;
import io.relia.audit.sarif.SarifReport;
import io.relia.core.ExitCode;
import io.relia.core.InputException;
import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.Severity;
import io.relia.core.review.Review;
import io.relia.core.review.ReviewReport;
import io.relia.core.review.ReviewResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code relia review DIR}: the production readiness review of a service repository. */
@Command(name = "review",
        mixinStandardHelpOptions = true,
        description = {
            "Review a service repository for production readiness.", "",
            "Finds the service's inputs by content (SLO specs in native, Sloth and OpenSLO form, runbooks,",
            "chaos experiments, capacity and disaster-recovery plans, Kubernetes manifests, Prometheus rules,",
            "Java sources, Spring config, recorded metrics), lists them, and goes through the Production",
            "Readiness Checklist: each item is checked, marked manual with the evidence to provide, or",
            "marked manual with the evidence to provide. An item whose inputs include a file that could not be",
            "read or validated fails, naming the file, line and column.", "",
            "Formats: text, json, markdown, html (one self-contained file) and sarif (GitHub code scanning).", ""},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  the review ran (whatever it found, unless --fail-on is given)",
            "  1  findings at or above --fail-on",
            "  2  usage error or unreadable directory",
            "  3  the report could not be written",
            "",
            "Example: relia review examples/checkout-service --format html --output review.html"})
final class ReviewCommand implements Callable<Integer> {

    /** SARIF 2.1.0, for GitHub code scanning: the review's findings with the audit's rule metadata. */
    private static final String SARIF = "sarif";

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = ".",
            description = "The service repository to review (default: the current directory).")
    private Path directory;

    @Mixin
    private ReportOutput output;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit 1 when a finding is at least this severe: critical, high, medium or low.")
    private String failOn;

    @Option(names = "--include", paramLabel = "FOLDER",
            description = "Review a folder skipped by default (target, build, dist, out, node_modules, vendor,"
                    + " .git...): a folder name (every folder so named) or a path relative to DIR; repeatable."
                    + " The report lists the folders it skipped with their file counts.")
    private List<String> includes = new ArrayList<>();

    @Option(names = {"-v", "--verbose"},
            description = "List every input file and every finding in full (long lists are counted otherwise).")
    private boolean verbose;

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        boolean sarif = output.format.trim().equalsIgnoreCase(SARIF);
        if (!sarif) {
            output.format(commandLine);
        }
        Severity threshold = failOn == null ? null : Severity.parse(failOn).orElseThrow(() ->
                new CommandLine.ParameterException(commandLine, "--fail-on " + failOn
                        + " is not a severity; expected " + Severity.choices()));
        if (!Files.isDirectory(directory)) {
            throw new InputException(Problem.error(Location.wholeFile(directory),
                    Files.exists(directory) ? "is not a directory" : "no such directory",
                    "a service repository (a directory)", ""));
        }
        ReviewResult result = Review.withInstalledAnalyzers(Clock.systemDefaultZone()).run(directory, includes);
        if (sarif) {
            Auditor auditor = new Auditor();
            output.writeText(SarifReport.toJson(auditor.ofFindings(directory, result.findings(), result.problems()),
                    ReliaCommand.version(), "relia review"), commandLine);
        } else {
            output.write(ReviewReport.of(result, ReliaCommand.version(), verbose), commandLine);
        }
        if (threshold != null && result.worstSeverity().filter(worst -> worst.atLeast(threshold)).isPresent()) {
            return ExitCode.FAILED;
        }
        return ExitCode.OK;
    }
}

package io.relia.cli;

import io.relia.core.ExitCode;
import io.relia.core.InputException;
import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.Severity;
import io.relia.core.review.Review;
import io.relia.core.review.ReviewReport;
import io.relia.core.review.ReviewResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
            "marked not checked yet with the capability that will check it.", ""},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  the review ran (whatever it found, unless --fail-on is given)",
            "  1  findings at or above --fail-on",
            "  2  usage error or unreadable directory",
            "  3  the report could not be written",
            "",
            "Example: relia review examples/checkout-service --format html --output review.html"})
final class ReviewCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The service repository to review.")
    private Path directory;

    @Mixin
    private ReportOutput output;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit 1 when a finding is at least this severe: critical, high, medium or low.")
    private String failOn;

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        output.format(commandLine);
        Severity threshold = failOn == null ? null : Severity.parse(failOn).orElseThrow(() ->
                new CommandLine.ParameterException(commandLine, "--fail-on " + failOn
                        + " is not a severity; expected " + Severity.choices()));
        if (!Files.isDirectory(directory)) {
            throw new InputException(Problem.error(Location.wholeFile(directory),
                    Files.exists(directory) ? "is not a directory" : "no such directory",
                    "a service repository (a directory)", ""));
        }
        ReviewResult result = Review.withInstalledAnalyzers(Clock.systemDefaultZone()).run(directory);
        output.write(ReviewReport.of(result, ReliaCommand.version()), commandLine);
        if (threshold != null && result.worstSeverity().filter(worst -> worst.atLeast(threshold)).isPresent()) {
            return ExitCode.FAILED;
        }
        return ExitCode.OK;
    }
}

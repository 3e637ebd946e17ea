package io.relia.cli;

import io.relia.audit.AuditOptions;
import io.relia.audit.AuditReport;
import io.relia.audit.AuditResult;
import io.relia.audit.AuditRule;
import io.relia.audit.Auditor;
import io.relia.audit.LibraryJars;
import io.relia.audit.RuleCatalogue;
import io.relia.audit.sarif.SarifReport;
import io.relia.core.ExitCode;
import io.relia.core.InputException;
import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.Severity;
import io.relia.core.report.Report;
import io.relia.core.report.ReportFormat;
import io.relia.core.report.ReportWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code relia audit DIR}: the reliability audit of code, manifests, config, alert rules and runbooks. */
@Command(name = "audit",
        mixinStandardHelpOptions = true,
        description = {
            "Audit a service repository for reliability risks.", "",
            "The audit reads Java code (timeouts, retries, pools, blocking calls), Kubernetes manifests, Spring",
            "config, Prometheus rules and runbooks. Helm charts are rendered with 'helm template' when helm is on",
            "the PATH (else a warning names each chart); kustomize images: and skaffold builds count as tags.", "",
            "Findings on a line with, or below, a comment 'relia:ignore RULE[,RULE] -- REASON' are suppressed",
            "(the reason is required). --write-baseline accepts today's findings; --baseline hides them later,",
            "so only new findings fail the build. --format sarif is for GitHub code scanning (docs/audit.md).", "",
            "Test code is not production: src/test, src/testFixtures, src/it and other test source sets,",
            "*Test/*Tests/*IT classes outside src/main, and modules named *-test, *-tests or *-it are skipped,",
            "and the report counts them; --include-tests audits them too.", "",
            "Library types the sources do not show (a future from a dependency) are resolved against the jars of",
            "the dependencies pom.xml/build.gradle declare, when they are already in ~/.m2/repository (or",
            "$RELIA_MAVEN_REPOSITORY) or the Gradle cache; nothing is downloaded. --no-jars turns this off.", "",
            "An input that does not parse or validate is an input/invalid finding (High); in a YAML or JSON file",
            "of no kind Relia reads it is Low. Empty YAML, and JSON with comments of no such kind, are no input;",
            "a Chaos Toolkit experiment only Relia's runner cannot run (python provider) is a warning.", ""},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  the audit ran (no findings at or above --fail-on, or no --fail-on)",
            "  1  findings at or above --fail-on",
            "  2  usage or input error (unknown rule, unreadable directory or baseline)",
            "  3  the report or baseline could not be written",
            "",
            "Example: relia audit . --format sarif --output relia.sarif --fail-on high"})
final class AuditCommand implements Callable<Integer> {

    /** Completion candidates for {@code --format}: the report formats and SARIF. */
    static final class Formats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Stream.concat(Stream.of(ReportFormat.values()).map(ReportFormat::id), Stream.of(SARIF)).iterator();
        }
    }

    private static final String SARIF = "sarif";

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The service repository to audit.")
    private Path directory;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", completionCandidates = Formats.class,
            description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private String format;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write the report to FILE (replaced atomically) instead of standard output.")
    private Path output;

    @Option(names = "--no-color", description = "No ANSI colours, even on a terminal (NO_COLOR is honoured too).")
    private boolean noColor;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit 1 when a finding is at least this severe: critical, high, medium or low.")
    private String failOn;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Hide findings accepted in this baseline file (written by --write-baseline).")
    private Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "Accept today's findings: write them to FILE as a baseline (and exit 0).")
    private Path writeBaseline;

    @Option(names = "--rules", paramLabel = "ID", split = ",",
            description = "Only these rules (comma-separated IDs; see --list-rules).")
    private List<String> rules = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Leave out files matching GLOB (relative to DIR; repeatable), besides relia.yaml's exclude.")
    private List<String> excludes = new ArrayList<>();

    @Option(names = "--include", paramLabel = "FOLDER",
            description = "Audit a folder skipped by default (target, build, dist, out, node_modules, vendor,"
                    + " .git...): a folder name (every folder so named) or a path relative to DIR; repeatable."
                    + " The report lists the folders it skipped with their file counts.")
    private List<String> includes = new ArrayList<>();

    @Option(names = "--include-tests",
            description = "Audit test sources (src/test, *Test classes, test modules: docs/audit.md) as production "
                    + "code; by default they are skipped and counted.")
    private boolean includeTests;

    @Option(names = "--no-jars",
            description = "Judge library types from the sources alone: do not read the dependency jars already in "
                    + "the local Maven repository or Gradle cache.")
    private boolean noJars;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Keep per-file results in DIR so re-runs parse only changed files (default: a directory "
                    + "for DIR under $XDG_CACHE_HOME/relia/audit, or ~/.cache/relia/audit).")
    private Path cache;

    @Option(names = "--no-cache", description = "Parse every file, and neither read nor write a cache.")
    private boolean noCache;

    @Option(names = "--list-rules",
            description = "List the rule catalogue instead of auditing (--format markdown: the docs/audit.md section).")
    private boolean listRules;

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        String wanted = format.trim().toLowerCase(Locale.ROOT);
        boolean sarif = wanted.equals(SARIF);
        ReportFormat reportFormat = sarif ? null : ReportFormat.parse(wanted).orElseThrow(() ->
                new CommandLine.ParameterException(commandLine, "--format " + format
                        + " is not a report format; expected " + ReportFormat.choices() + "|" + SARIF));
        Severity threshold = failOn == null ? null : Severity.parse(failOn).orElseThrow(() ->
                new CommandLine.ParameterException(commandLine, "--fail-on " + failOn
                        + " is not a severity; expected " + Severity.choices()));
        Auditor auditor = new Auditor();
        if (listRules) {
            emit(catalogue(auditor.catalogue(), reportFormat, commandLine));
            return ExitCode.OK;
        }
        if (directory == null) {
            throw new CommandLine.ParameterException(commandLine, "Missing required parameter: 'DIR'");
        }
        if (!Files.isDirectory(directory)) {
            throw new InputException(Problem.error(Location.wholeFile(directory),
                    Files.exists(directory) ? "is not a directory" : "no such directory",
                    "a service repository (a directory)", ""));
        }
        AuditResult result = auditor.run(directory, new AuditOptions(new LinkedHashSet<>(rules.stream()
                .map(String::strip).filter(id -> !id.isEmpty()).toList()), excludes, baseline,
                noCache ? null : cache != null ? cache : AuditCache.defaultFor(directory), includeTests,
                noJars ? LibraryJars.none() : LibraryJars.of(UserHome.directory(), System.getenv()))
                .withIncludes(includes));
        if (sarif) {
            emit(SarifReport.toJson(result, ReliaCommand.version()));
        } else {
            Report report = reportFormat == ReportFormat.MARKDOWN
                    ? AuditReport.forPullRequest(result, ReliaCommand.version())
                    : AuditReport.of(result, ReliaCommand.version());
            emit(report, reportFormat);
        }
        if (writeBaseline != null) {
            write(writeBaseline, result.baseline().toJson(), "baseline");
            commandLine.getErr().println("wrote " + writeBaseline + " (" + result.baseline().findings().size()
                    + " findings accepted)");
            return ExitCode.OK;
        }
        if (threshold != null && result.worstSeverity().filter(worst -> worst.atLeast(threshold)).isPresent()) {
            return ExitCode.FAILED;
        }
        return ExitCode.OK;
    }

    /** The catalogue: Markdown for docs/audit.md, JSON for tools, aligned columns for people. */
    private static String catalogue(RuleCatalogue catalogue, ReportFormat reportFormat, CommandLine commandLine) {
        if (reportFormat == ReportFormat.MARKDOWN) {
            return catalogue.toMarkdown();
        }
        if (reportFormat != ReportFormat.TEXT) {
            throw new CommandLine.ParameterException(commandLine,
                    "--list-rules prints text or markdown; --format " + (reportFormat == null ? SARIF
                            : reportFormat.id()) + " is not one of them");
        }
        int width = catalogue.rules().stream().mapToInt(rule -> rule.id().length()).max().orElse(0);
        StringBuilder out = new StringBuilder();
        for (AuditRule rule : catalogue.rules()) {
            out.append(String.format(Locale.ROOT, "%-" + width + "s  %-8s  %s%n", rule.id(), rule.severity().id(),
                    rule.title()));
        }
        out.append(catalogue.rules().size()).append(" rules").append(System.lineSeparator());
        return out.toString();
    }

    private void emit(Report report, ReportFormat reportFormat) {
        if (output == null) {
            ReportOutput stdout = new ReportOutput();
            stdout.format = reportFormat.id();
            stdout.noColor = noColor;
            stdout.write(report, spec.commandLine());
            return;
        }
        StringWriter buffer = new StringWriter();
        try {
            ReportWriter.forFormat(reportFormat, false).write(report, buffer);
        } catch (IOException impossible) {
            throw new ExternalFailure("cannot render the report: " + impossible.getMessage(), impossible);
        }
        emit(buffer.toString());
    }

    /** Prints to standard output, or writes {@code --output} atomically. */
    private void emit(String content) {
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(content);
            out.flush();
            ReportOutput.checkWritten(out);
            return;
        }
        write(output, content, "report");
        spec.commandLine().getErr().println("wrote " + output);
    }

    private static void write(Path file, String content, String what) {
        try {
            ReportOutput.writeAtomically(file, content);
        } catch (IOException | SecurityException failed) {
            throw new ExternalFailure("cannot write the " + what + " to " + file + ": " + failed.getMessage(), failed);
        }
    }
}

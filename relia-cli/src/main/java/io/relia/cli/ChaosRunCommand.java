package io.relia.cli;

import io.relia.chaos.experiment.Experiment;
import io.relia.chaos.experiment.Experiments;
import io.relia.chaos.run.ExperimentReport;
import io.relia.chaos.run.ExperimentRunner;
import io.relia.chaos.run.Journal;
import io.relia.chaos.run.Plan;
import io.relia.chaos.run.RunListener;
import io.relia.chaos.run.RunOptions;
import io.relia.chaos.run.Targets;
import io.relia.chaos.run.TargetsUnavailable;
import io.relia.core.ExitCode;
import io.relia.core.InputException;
import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.report.ReportFormat;
import io.relia.core.report.TerminalText;
import io.relia.core.value.Durations;
import io.relia.core.value.Parsed;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code relia chaos run}: runs a chaos experiment with abort criteria and rollbacks, and writes its journal. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {"Run a chaos experiment: steady-state hypothesis, faults, continuous abort criteria, rollbacks.",
            "",
            "Reads the native experiment YAML (experiment: {hypothesis, method, rollback, verification} + schedule)",
            "and Chaos Toolkit JSON/YAML experiments. Faults go to a Toxiproxy-compatible API (relia chaos proxy,",
            "or Toxiproxy itself). Rollbacks run however the run ends: success, failure, abort, error, Ctrl-C or",
            "SIGTERM; anything a rollback did not undo is undone afterwards and listed in the journal.", "",
            "Before anything runs, its targets are checked: the proxy API answers, each proxy it faults exists",
            "(proxies the experiment declares under proxy.proxies are created), upstreams and the traffic URL accept",
            "connections. --dry-run shows the plan and these checks and changes nothing.", "",
            "The journal (Chaos Toolkit's shape) goes to --journal, by default journals/<name>.<UTC time>.json next",
            "to the experiment, where relia review finds it.", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  completed and the hypothesis held (or --dry-run found nothing wrong)",
            "  1  the hypothesis did not hold (before: nothing was injected; after or during: deviated), or the",
            "     run failed, was aborted or interrupted",
            "  2  usage error or invalid experiment",
            "  3  a target is missing or unreachable (proxy API, proxy, upstream, traffic URL; nothing was run),",
            "     or the journal or report could not be written", "",
            "Docs: docs/chaos-experiments.md"})
final class ChaosRunCommand implements Callable<Integer> {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "Experiment file (native YAML or Chaos Toolkit).")
    private Path file;

    @Option(names = "--dry-run", description = "Validate, print the plan and check the targets; change nothing.")
    private boolean dryRun;

    @Option(names = "--journal", paramLabel = "FILE", description = "Where to write the journal (JSON).")
    private Path journal;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Also write a report with a timeline chart; .html, .md or .json by the file's extension.")
    private Path report;

    @Option(names = "--probe-interval", paramLabel = "DURATION", defaultValue = "1s",
            description = "How often abort criteria and the traffic source are checked (default: ${DEFAULT-VALUE}).")
    private String probeInterval;

    @Mixin
    private ReportOutput output;

    @Override
    public Integer call() {
        Experiments.Result loaded = Experiments.load(file);
        PrintWriter err = spec.commandLine().getErr();
        if (loaded.experiment().isEmpty()) {
            throw new InputException(loaded.problems());
        }
        loaded.problems().forEach(p -> err.println(p.format()));
        Experiment experiment = loaded.experiment().get();
        List<Problem> planProblems = Plan.problems(experiment);
        if (dryRun) {
            PrintWriter out = spec.commandLine().getOut();
            Plan.describe(experiment).forEach(line -> out.println(TerminalText.multiLine(line)));
            out.flush();
            if (!planProblems.isEmpty()) {
                throw new InputException(planProblems);
            }
            Targets.Report targets = checkTargets(experiment);
            out.println("Targets:");
            print(targets, out);
            out.flush();
            if (!targets.ok()) {
                err.println("relia: error: " + count(targets) + " missing or unreachable; a run would not start");
                return ExitCode.EXTERNAL;
            }
            return ExitCode.OK;
        }
        if (!(Durations.parse(probeInterval) instanceof Parsed.Ok<Duration>(Duration interval)) || interval.isZero()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--probe-interval " + probeInterval + " is not a positive duration (e.g. 500ms, 1s)");
        }
        Path journalPath = journal != null ? journal : defaultJournal();
        ExperimentRunner runner = new ExperimentRunner(experiment,
                RunOptions.DEFAULTS.withProbeInterval(interval).withJournal(journalPath), progress(err));
        Thread hook = new Thread(runner::interrupt, "relia-chaos-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        Journal result;
        try {
            result = runner.run();
        } catch (TargetsUnavailable unavailable) {
            err.println("relia: error: the run did not start: " + count(unavailable.report()) + " missing or "
                    + "unreachable; nothing was injected and no journal was written");
            return ExitCode.EXTERNAL;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it waits for this run's rollbacks and journal.
            }
        }
        err.println("journal: " + journalPath);
        if (report != null) {
            writeReport(result, report);
        }
        output.write(ExperimentReport.of(result), spec.commandLine());
        boolean steadyBefore = result.before().map(Journal.SteadyState::met).orElse(true);
        return result.status() == Journal.Status.COMPLETED && !result.deviated() && steadyBefore ? 0 : 1;
    }

    /** {@code journals/} next to the experiment, as given (relative stays relative: a path to paste). */
    private Path defaultJournal() {
        Path parent = file.getParent() == null ? Path.of("") : file.getParent();
        String base = file.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
        return parent.resolve("journals").resolve(base + "." + STAMP.format(Instant.now()) + ".json");
    }

    private static Targets.Report checkTargets(Experiment experiment) {
        try {
            return Targets.check(experiment, Targets.Mode.CHECK);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ExternalFailure("interrupted while checking the targets", interrupted);
        }
    }

    /** One line per check ("   ok      proxy API ... answers"), and under a failure what fixes it. */
    private static void print(Targets.Report targets, PrintWriter out) {
        for (Targets.Check check : targets.checks()) {
            out.println(String.format(Locale.ROOT, "   %-7s %s", check.status().label(),
                    TerminalText.oneLine(check.text())));
            if (!check.fix().isEmpty()) {
                out.println("           fix: " + TerminalText.oneLine(check.fix()));
            }
        }
    }

    private static String count(Targets.Report targets) {
        int failed = targets.failures().size();
        return failed + (failed == 1 ? " target is" : " targets are");
    }

    private static RunListener progress(PrintWriter err) {
        return new RunListener() {
            @Override
            public void targets(Targets.Report report) {
                err.println("== targets");
                print(report, err);
                err.flush();
            }

            @Override
            public void phase(String name) {
                err.println("== " + name);
                err.flush();
            }

            @Override
            public void activity(Journal.ActivityRun run) {
                String mark = !run.succeeded() ? "FAILED " : run.toleranceMet().orElse(true) ? "ok     " : "NOT MET";
                err.println("   " + mark + " " + TerminalText.oneLine(ExperimentReport.outcome(run)));
                err.flush();
            }

            @Override
            public void warning(String message) {
                err.println("!! warning: " + TerminalText.oneLine(message));
                err.flush();
            }

            @Override
            public void stopping(String reason) {
                err.println("!! stopping: " + TerminalText.oneLine(reason));
                err.flush();
            }
        };
    }

    private void writeReport(Journal result, Path target) {
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        ReportFormat format = name.endsWith(".html") ? ReportFormat.HTML
                : name.endsWith(".md") ? ReportFormat.MARKDOWN
                : name.endsWith(".json") ? ReportFormat.JSON : ReportFormat.TEXT;
        StringWriter buffer = new StringWriter();
        try {
            ExperimentReport.write(result, format, buffer);
            ReportOutput.writeAtomically(target, buffer.toString());
        } catch (IOException failed) {
            throw new InputException(List.of(Problem.error(Location.wholeFile(target),
                    "cannot write the report: " + failed.getMessage(), "a writable file path", "")));
        }
        spec.commandLine().getErr().println("report: " + target);
    }
}

package io.relia.cli;

import io.relia.chaos.experiment.Experiment;
import io.relia.chaos.experiment.Experiments;
import io.relia.chaos.run.ExperimentReport;
import io.relia.chaos.run.ExperimentRunner;
import io.relia.chaos.run.Journal;
import io.relia.chaos.run.Plan;
import io.relia.chaos.run.RunListener;
import io.relia.chaos.run.RunOptions;
import io.relia.core.InputException;
import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.report.ReportFormat;
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
            "The journal (Chaos Toolkit's shape) goes to --journal, by default journals/<name>.<UTC time>.json next",
            "to the experiment, where relia review finds it.", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  completed and the hypothesis held (or --dry-run found nothing wrong)",
            "  1  the hypothesis did not hold (before: nothing was injected; after or during: deviated), or the",
            "     run failed, was aborted or interrupted",
            "  2  usage error or invalid experiment", "  3  the journal or report could not be written", "",
            "Docs: docs/chaos-experiments.md"})
final class ChaosRunCommand implements Callable<Integer> {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "Experiment file (native YAML or Chaos Toolkit).")
    private Path file;

    @Option(names = "--dry-run", description = "Validate and print the plan; run nothing.")
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
            Plan.describe(experiment).forEach(out::println);
            out.flush();
            if (!planProblems.isEmpty()) {
                throw new InputException(planProblems);
            }
            return 0;
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

    private Path defaultJournal() {
        Path parent = file.toAbsolutePath().getParent();
        String base = file.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
        return parent.resolve("journals").resolve(base + "." + STAMP.format(Instant.now()) + ".json");
    }

    private static RunListener progress(PrintWriter err) {
        return new RunListener() {
            @Override
            public void phase(String name) {
                err.println("== " + name);
                err.flush();
            }

            @Override
            public void activity(Journal.ActivityRun run) {
                String mark = !run.succeeded() ? "FAILED " : run.toleranceMet().orElse(true) ? "ok     " : "NOT MET";
                err.println("   " + mark + " " + run.name());
                err.flush();
            }

            @Override
            public void stopping(String reason) {
                err.println("!! stopping: " + reason);
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

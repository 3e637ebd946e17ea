package io.relia.cli;

import io.relia.core.InputException;
import io.relia.core.Problem;
import io.relia.core.report.TerminalText;
import io.relia.core.value.Durations;
import io.relia.incident.runbook.Runbook;
import io.relia.incident.runbook.RunbookCatalog;
import io.relia.incident.runbook.RunbookFile;
import io.relia.incident.runbook.RunbookStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code relia runbook}: validate, list, find and run runbooks. */
@Command(name = "runbook",
        mixinStandardHelpOptions = true,
        description = {"Validate runbooks, find the one for an alert, and walk one during an incident.", "",
            "Runbook files are YAML (schemas/runbook.schema.json): trigger, alerts, scope, detection, impact, diagnosis",
            "steps, mitigation options, resolution steps, verification, escalation, follow-up. Markdown runbooks (.md,",
            "the prometheus-operator shape) are read too: the alert from the front matter or the file name, steps from",
            "the code blocks of Diagnosis and Mitigation (docs/incidents.md#markdown-runbooks).", ""},
        subcommands = {RunbookCommand.Validate.class, RunbookCommand.ListBooks.class, RunbookCommand.Show.class,
            RunbookCommand.ForAlert.class, RunbookRunCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  1  runbook for: no runbook answers the alert", "  2  usage error or invalid runbook",
            "  3  store failure", "", "Docs: docs/incidents.md#runbooks"})
final class RunbookCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The {@code --dir} option: where the runbooks are. */
    static final class Directory {
        @Option(names = "--dir", paramLabel = "DIR", defaultValue = "reliability/runbooks",
                description = "Directory of runbook files, searched recursively (default: ${DEFAULT-VALUE}).")
        Path dir;

        RunbookCatalog catalog(PrintWriter err) {
            RunbookCatalog catalog = RunbookCatalog.load(dir);
            catalog.problems().stream().filter(Problem::isError).forEach(problem -> err.println(problem.format()));
            err.flush();
            return catalog;
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Validate runbook files: schema, durations, step numbers; problems with file:line:column.",
                "", "Markdown runbooks (.md: Meaning, Impact, Diagnosis, Mitigation sections) are read too; a section "
                    + "index page (_index.md, index.md, README.md), a template or a page without those sections is "
                    + "reported as not a runbook, which is no error.", ""},
            footer = {"", "Exit codes: 0 valid (warnings allowed), 2 a file has errors."})
    static final class Validate implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Runbook files (YAML or Markdown).")
        List<Path> files;

        @Override
        public Integer call() {
            List<Problem> problems = new ArrayList<>();
            List<String> notRunbooks = new ArrayList<>();
            int valid = 0;
            for (Path file : files) {
                RunbookFile.Loaded loaded = RunbookFile.load(file);
                problems.addAll(loaded.problems());
                valid += loaded.runbook().isPresent() ? 1 : 0;
                loaded.notARunbook().ifPresent(reason -> notRunbooks.add(TerminalText.oneLine(file + ": not a "
                        + "runbook: " + reason)));
            }
            PrintWriter out = spec.commandLine().getOut();
            notRunbooks.forEach(out::println);
            if (problems.stream().anyMatch(Problem::isError)) {
                out.flush();
                throw new InputException(problems);
            }
            problems.forEach(problem -> spec.commandLine().getErr().println(problem.format()));
            out.println(valid + (valid == 1 ? " runbook" : " runbooks") + " valid"
                    + (notRunbooks.isEmpty() ? "" : "; " + notRunbooks.size() + (notRunbooks.size() == 1
                    ? " file is" : " files are") + " not a runbook"));
            out.flush();
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"List the runbooks in a directory with the alerts they answer and their escalation.", ""},
            footer = {"", "Exit codes: 0 listed, 2 the directory does not exist."})
    static final class ListBooks implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Directory directory;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            RunbookCatalog catalog = directory.catalog(spec.commandLine().getErr());
            for (Runbook runbook : catalog.runbooks()) {
                out.printf(Locale.ROOT, "%-22s %-32s %s%s%n", TerminalText.oneLine(runbook.stem()),
                        TerminalText.oneLine(runbook.name()), TerminalText.oneLine(runbook.alerts().isEmpty()
                                ? "(no alerts listed)" : "alerts: " + String.join(", ", runbook.alerts())),
                        TerminalText.oneLine(runbook.escalation().map(e -> "; escalate after "
                                + Durations.format(e.after()) + " to " + e.to()).orElse("; no escalation")));
            }
            int count = catalog.runbooks().size();
            out.println(count + (count == 1 ? " runbook" : " runbooks") + " in "
                    + TerminalText.oneLine(directory.dir.toString()));
            out.flush();
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Show a runbook's steps in the order relia runbook run walks them.", ""},
            footer = {"", "Exit codes: 0 shown, 2 unknown runbook or directory."})
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Directory directory;
        @Parameters(paramLabel = "NAME", description = "Runbook title or file name without .yaml or .md.")
        String name;

        @Override
        public Integer call() {
            Runbook runbook = directory.catalog(spec.commandLine().getErr()).named(name);
            PrintWriter out = spec.commandLine().getOut();
            out.println(TerminalText.oneLine(runbook.name() + " (" + runbook.file() + ")"));
            if (!runbook.trigger().isEmpty()) {
                out.println("  trigger: " + TerminalText.oneLine(runbook.trigger() + (runbook.severity().isEmpty()
                        ? "" : " (" + runbook.severity() + ")")));
            }
            if (!runbook.scope().isEmpty()) {
                out.println("  scope: " + RunbookRunCommand.indented(runbook.scope(), "    "));
            }
            runbook.detection().forEach(line -> out.println("  detection: "
                    + RunbookRunCommand.indented(line, "    ")));
            runbook.impact().forEach(line -> out.println("  impact: " + RunbookRunCommand.indented(line, "    ")));
            for (RunbookStep step : runbook.steps()) {
                out.println(RunbookRunCommand.describe(step));
            }
            runbook.escalation().ifPresent(e -> out.println("  escalate after " + Durations.format(e.after())
                    + " to " + TerminalText.oneLine(e.to())));
            runbook.followUp().forEach(line -> out.println("  follow-up: "
                    + RunbookRunCommand.indented(line, "    ")));
            out.flush();
            return 0;
        }
    }

    @Command(name = "for", mixinStandardHelpOptions = true,
            description = {"Find the runbook for an alert.", "",
                "A runbook answers an alert by name in its alerts list, by the alert's runbook_url/runbook annotation,",
                "or by its labels all matching the alert's.", ""},
            footerHeading = "%nExample:%n",
            footer = {"  relia runbook for CheckoutHighErrorRate --label service=checkout", "",
                "Exit codes: 0 found, 1 no runbook answers the alert, 2 usage error."})
    static final class ForAlert implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Directory directory;
        @Parameters(paramLabel = "ALERT", description = "The alert's name.")
        String alert;
        @Option(names = "--label", paramLabel = "K=V", description = "An alert label (repeatable).")
        Map<String, String> labels = new LinkedHashMap<>();
        @Option(names = "--annotation", paramLabel = "K=V", description = "An alert annotation (repeatable).")
        Map<String, String> annotations = new LinkedHashMap<>();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Map<String, String> all = new LinkedHashMap<>(labels);
            all.putIfAbsent("alertname", alert);
            var match = directory.catalog(spec.commandLine().getErr()).forAlert(alert, all, annotations);
            if (match.isEmpty()) {
                out.println("no runbook answers " + TerminalText.oneLine(alert));
                out.flush();
                return 1;
            }
            out.println(TerminalText.oneLine(match.get().runbook().stem() + ": " + match.get().runbook().name() + " ("
                    + match.get().runbook().file() + "), matched by " + match.get().rule()));
            out.flush();
            return 0;
        }
    }
}

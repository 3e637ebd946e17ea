package io.relia.cli;

import io.relia.core.ExitCode;
import io.relia.core.report.TerminalText;
import io.relia.core.value.Durations;
import io.relia.incident.IncidentStore;
import io.relia.incident.TimelineEntry;
import io.relia.incident.runbook.Runbook;
import io.relia.incident.runbook.RunbookConsole;
import io.relia.incident.runbook.RunbookRun;
import io.relia.incident.runbook.RunbookStep;
import io.relia.incident.runbook.StepOutcome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code relia runbook run}: walks a runbook during an incident, recording every step in its timeline. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {"Walk a runbook during an incident and record every step in the incident's timeline.", "",
            "Each step is shown with its command and risk; a command runs only after you answer y (s skips, q stops).",
            "--yes runs low-risk commands without asking (diagnosis and verification steps are low risk unless the",
            "runbook says otherwise); riskier ones still ask, and are skipped when nobody is at a terminal.",
            "--dry-run shows the steps and executes nothing. Commands run with /bin/sh -c in the runbook's directory,",
            "with RELIA_INCIDENT_ID and RELIA_RUNBOOK set, each within its timeout. The timeline gets the command, the",
            "exit code and the end of the output (2,000 characters), step by step as they finish.",
            "A command holding a control character (an escape sequence; line breaks and tabs are fine) could show",
            "another command than the one that runs: it is shown escaped and refused, asked or not.", ""},
        footerHeading = "%nExamples:%n",
        footer = {"  relia runbook run checkout-errors --incident 42",
            "  relia runbook run \"High CPU Usage\" --incident 42 --yes --timeout 30s",
            "  relia runbook run checkout-errors --incident 42 --dry-run", "",
            "Exit codes: 0 walked (whatever the commands returned), 2 unknown runbook or incident, or a command",
            "refused for its control characters, 3 store failure."})
final class RunbookRunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private IncidentStoreOptions store;

    @Mixin
    private RunbookCommand.Directory directory;

    @Parameters(paramLabel = "NAME", description = "Runbook title or file name without .yaml or .md.")
    private String name;

    @Option(names = "--incident", required = true, paramLabel = "ID", description = "The incident to record into.")
    private String incident;

    @Option(names = {"-y", "--yes"}, description = "Run low-risk commands without asking.")
    private boolean yes;

    @Option(names = "--dry-run", description = "Show the steps; execute nothing.")
    private boolean dryRun;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s",
            description = "Per-command timeout for steps without their own (default: ${DEFAULT-VALUE}).")
    private String timeout;

    @Override
    public Integer call() throws InterruptedException {
        CommandLine commandLine = spec.commandLine();
        Duration perCommand = Durations.parse(timeout).asOptional().filter(Duration::isPositive)
                .orElseThrow(() -> new CommandLine.ParameterException(commandLine, "--timeout " + timeout
                        + " is not a positive duration; expected e.g. 60s"));
        long incidentId = IncidentStoreOptions.incidentId(incident);
        Runbook runbook = directory.catalog(commandLine.getErr()).named(name);
        PrintWriter out = commandLine.getOut();
        String actor = store.actor();
        try (IncidentStore incidents = store.open()) {
            incidents.get(incidentId);
            incidents.note(incidentId, actor, Instant.now(), TimelineEntry.Kind.RUNBOOK, "runbook \"" + runbook.name()
                    + "\" started" + (dryRun ? " (dry run)" : yes ? " (--yes: low-risk steps run unasked)" : "")
                    + " from " + runbook.file());
            out.println("Runbook: " + TerminalText.oneLine(runbook.name() + " (" + runbook.file() + ")")
                    + " for INC-" + incidentId + (dryRun ? ", dry run: nothing is executed" : ""));
            RunbookRun.Summary summary = new RunbookRun(dryRun, yes, perCommand, incidentId).walk(runbook,
                    new TerminalConsole(out), outcome -> incidents.note(incidentId, actor, Instant.now(),
                            TimelineEntry.Kind.RUNBOOK, outcome.timelineText(runbook.name())));
            String counts = summary.counts().entrySet().stream()
                    .map(entry -> entry.getValue() + " " + entry.getKey().label())
                    .reduce((a, b) -> a + ", " + b).orElse("no steps");
            incidents.note(incidentId, actor, Instant.now(), TimelineEntry.Kind.RUNBOOK, "runbook \""
                    + runbook.name() + "\" " + (summary.quit() ? "stopped by the responder" : "finished") + ": "
                    + counts);
            runbook.escalation().ifPresent(escalation -> out.println("If this has not helped within "
                    + Durations.format(escalation.after()) + ", escalate to " + TerminalText.oneLine(escalation.to())
                    + "."));
            out.println((summary.quit() ? "Stopped: " : "Done: ") + counts + "; recorded in INC-" + incidentId
                    + "'s timeline.");
            out.flush();
            return summary.counts().containsKey(StepOutcome.Status.REFUSED) ? ExitCode.INPUT : ExitCode.OK;
        }
    }

    /**
     * One step as the terminal shows it: the command exactly as the file states it, its later lines under its first,
     * with control characters written out ({@code \e}) so that none can hide what runs, then its risk.
     */
    static String describe(RunbookStep step) {
        return "  [" + step.reference() + "] " + TerminalText.oneLine(step.title())
                + step.command().map(command -> "\n      $ " + indented(command, "        ") + "   (risk "
                + step.risk().label() + step.timeout().map(t -> ", timeout " + Durations.format(t)).orElse("") + ")")
                .orElse("   (manual)")
                + (step.expected().isEmpty() ? "" : "\n      expected: " + indented(step.expected(), "        "));
    }

    /** Text from a file, safe for the terminal, its lines after the first indented by {@code indent}. */
    static String indented(String text, String indent) {
        return TerminalText.multiLine(text).replace("\n", "\n" + indent);
    }

    /** Asks on the terminal; without one, nothing can be confirmed. */
    private static final class TerminalConsole implements RunbookConsole {
        private final PrintWriter out;
        private final boolean interactive = Terminal.isInteractive();
        private BufferedReader in;

        TerminalConsole(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void show(RunbookStep step) {
            out.println(describe(step));
            out.flush();
        }

        @Override
        public boolean interactive() {
            return interactive;
        }

        @Override
        public Answer ask(RunbookStep step) {
            if (in == null) {
                in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            }
            while (true) {
                out.print("      run it? [y]es / [s]kip / [q]uit: ");
                out.flush();
                String line;
                try {
                    line = in.readLine();
                } catch (IOException unreadable) {
                    throw new UncheckedIOException(unreadable);
                }
                if (line == null) {
                    return Answer.QUIT;
                }
                switch (line.strip().toLowerCase(Locale.ROOT)) {
                    case "y", "yes" -> {
                        return Answer.RUN;
                    }
                    case "s", "skip", "n", "no" -> {
                        return Answer.SKIP;
                    }
                    case "q", "quit" -> {
                        return Answer.QUIT;
                    }
                    default -> out.println("      answer y, s or q");
                }
            }
        }

        @Override
        public void done(StepOutcome outcome) {
            String result = switch (outcome.status()) {
                case EXECUTED -> "exit " + outcome.exitCode().orElse(-1) + " (" + outcome.took().toMillis() + " ms)";
                case SKIPPED -> "skipped" + (outcome.output().isEmpty() ? "" : ": " + outcome.output());
                case REFUSED -> "refused: " + outcome.output();
                default -> outcome.status().label();
            };
            out.println("      → " + TerminalText.oneLine(result));
            if (outcome.status() == StepOutcome.Status.EXECUTED || outcome.status() == StepOutcome.Status.TIMED_OUT) {
                // The command's own output, colours and all, is shown escaped: it cannot fake the next prompt.
                TerminalText.multiLine(outcome.output()).lines().limit(20)
                        .forEach(line -> out.println("      | " + line));
            }
            out.flush();
        }
    }
}

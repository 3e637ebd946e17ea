package io.relia.incident.runbook;

import io.relia.core.process.CommandResult;
import io.relia.core.process.CommandRunner;
import io.relia.core.report.TerminalText;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Walks a runbook's steps in order: shows each, and runs its command with {@code /bin/sh -c} only after explicit
 * confirmation; with {@code yes}, low-risk commands run without asking; a dry run never executes anything. A command
 * holding a control character other than a line feed or tab (an escape sequence can make a terminal show
 * {@code df -h} for a {@code touch}) is refused, asked or not, dry run or not. Each
 * command has a timeout and runs in the runbook's directory with {@code RELIA_INCIDENT_ID} and
 * {@code RELIA_RUNBOOK} set. Every outcome goes to the listener as soon as the step is done, so a crash mid-run
 * loses no earlier step.
 *
 * @param dryRun         show the steps, execute nothing
 * @param yes            run low-risk commands without asking
 * @param defaultTimeout for steps without their own timeout
 * @param incidentId     passed to commands as {@code RELIA_INCIDENT_ID}; 0 for none
 * @param directory      where commands run; empty for the runbook's own directory
 */
public record RunbookRun(boolean dryRun, boolean yes, Duration defaultTimeout, long incidentId,
                         Optional<Path> directory) {

    /** Default per-command timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** Counts per outcome, after a run. */
    public record Summary(Map<StepOutcome.Status, Integer> counts, boolean quit) {
    }

    public RunbookRun {
        if (!defaultTimeout.isPositive()) {
            throw new IllegalArgumentException("timeout must be positive: " + defaultTimeout);
        }
        Objects.requireNonNull(directory, "directory");
    }

    /** A run whose commands run in the runbook's own directory. */
    public RunbookRun(boolean dryRun, boolean yes, Duration defaultTimeout, long incidentId) {
        this(dryRun, yes, defaultTimeout, incidentId, Optional.empty());
    }

    /** The same run with commands in {@code directory} instead of the runbook's directory. */
    public RunbookRun in(Path directory) {
        return new RunbookRun(dryRun, yes, defaultTimeout, incidentId, Optional.of(directory));
    }

    /**
     * Walks every step in order, giving each outcome to {@code listener} as soon as the step is done; stops early
     * when the responder quits.
     */
    public Summary walk(Runbook runbook, RunbookConsole console, Consumer<StepOutcome> listener)
            throws InterruptedException {
        Map<StepOutcome.Status, Integer> counts = new EnumMap<>(StepOutcome.Status.class);
        for (RunbookStep step : runbook.steps()) {
            console.show(step);
            StepOutcome outcome = outcome(runbook, step, console);
            counts.merge(outcome.status(), 1, Integer::sum);
            listener.accept(outcome);
            console.done(outcome);
            if (outcome.status() == StepOutcome.Status.QUIT) {
                return new Summary(counts, true);
            }
        }
        return new Summary(counts, false);
    }

    private StepOutcome outcome(Runbook runbook, RunbookStep step, RunbookConsole console)
            throws InterruptedException {
        if (step.command().isEmpty()) {
            return new StepOutcome(step, StepOutcome.Status.MANUAL, Optional.empty(), "", Duration.ZERO);
        }
        Optional<String> unsafe = unshowable(step);
        if (unsafe.isPresent()) {
            return new StepOutcome(step, StepOutcome.Status.REFUSED, Optional.empty(), unsafe.get(), Duration.ZERO);
        }
        if (dryRun) {
            return new StepOutcome(step, StepOutcome.Status.DRY_RUN, Optional.empty(), "", Duration.ZERO);
        }
        if (!(yes && step.risk() == RunbookStep.Risk.LOW)) {
            if (!console.interactive()) {
                return new StepOutcome(step, StepOutcome.Status.SKIPPED, Optional.empty(),
                        "needs confirmation (risk " + step.risk().label() + ")", Duration.ZERO);
            }
            switch (console.ask(step)) {
                case SKIP -> {
                    return new StepOutcome(step, StepOutcome.Status.DECLINED, Optional.empty(), "", Duration.ZERO);
                }
                case QUIT -> {
                    return new StepOutcome(step, StepOutcome.Status.QUIT, Optional.empty(), "", Duration.ZERO);
                }
                case RUN -> {
                    // run it below
                }
            }
        }
        return execute(runbook, step);
    }

    /**
     * Why a command cannot be shown as it is, naming the step's file:line and the first control character; empty
     * when it can. Line feeds and tabs are allowed: a command may be a script of several lines.
     */
    private static Optional<String> unshowable(RunbookStep step) {
        String command = step.command().orElse("");
        int at = TerminalText.indexOfControl(command, true);
        if (at < 0) {
            return Optional.empty();
        }
        return Optional.of("the command of " + step.reference() + " at " + step.location() + " holds a control "
                + "character (" + TerminalText.escape(command.charAt(at)) + " at character " + (at + 1) + ") that "
                + "could make the terminal show another command than the one that runs; remove it from the runbook");
    }

    private StepOutcome execute(Runbook runbook, RunbookStep step) throws InterruptedException {
        Path workingDirectory = directory.orElseGet(() -> runbook.file().toAbsolutePath().getParent());
        Map<String, String> environment = Map.of("RELIA_INCIDENT_ID", incidentId == 0 ? "" : Long.toString(incidentId),
                "RELIA_RUNBOOK", runbook.stem());
        List<String> command = List.of("/bin/sh", "-c", step.command().orElseThrow());
        try {
            CommandResult result = CommandRunner.run(command, step.timeout().orElse(defaultTimeout), workingDirectory,
                    environment);
            String stdout = result.stdout().strip();
            String stderr = result.stderr().strip();
            String output = stderr.isEmpty() ? stdout : stdout.isEmpty() ? stderr : stdout + "\n" + stderr;
            return result.timedOut()
                    ? new StepOutcome(step, StepOutcome.Status.TIMED_OUT, Optional.empty(), output, result.took())
                    : new StepOutcome(step, StepOutcome.Status.EXECUTED, Optional.of(result.exitCode()), output,
                    result.took());
        } catch (IOException cannotStart) {
            return new StepOutcome(step, StepOutcome.Status.FAILED_TO_START, Optional.empty(),
                    cannotStart.getMessage(), Duration.ZERO);
        }
    }
}

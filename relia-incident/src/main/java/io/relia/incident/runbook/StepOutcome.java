package io.relia.incident.runbook;

import io.relia.core.report.TerminalText;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * What one step of a run did, recorded as soon as it happened.
 *
 * @param exitCode the command's exit status, when it ran to completion
 * @param output   the command's output, trimmed to its last {@link #MAX_OUTPUT_CHARS} characters
 * @param took     how long the command ran; zero when it did not
 */
public record StepOutcome(RunbookStep step, Status status, Optional<Integer> exitCode, String output, Duration took) {

    /** Characters of output kept for the timeline. */
    public static final int MAX_OUTPUT_CHARS = 2_000;

    /** What happened to the step. */
    public enum Status {
        /** The command ran to completion (see the exit code). */
        EXECUTED,
        /** Not run: it needed confirmation and nobody was at a terminal to give it. */
        SKIPPED,
        /** Not run: the responder answered skip. */
        DECLINED,
        /** The responder stopped the run here. */
        QUIT,
        /** Dry run: shown, never executed. */
        DRY_RUN,
        /** A step without a command: for a person to do. */
        MANUAL,
        /** The command overran its timeout and was killed with its children. */
        TIMED_OUT,
        /** The shell could not be started. */
        FAILED_TO_START,
        /** Not run, asked or not: the command holds control characters, so no terminal shows it as it is. */
        REFUSED;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    public StepOutcome {
        output = trim(output == null ? "" : output.strip());
    }

    /** Keeps the end of long output (where errors are), saying how much was cut. */
    static String trim(String output) {
        if (output.length() <= MAX_OUTPUT_CHARS) {
            return output;
        }
        int cut = output.length() - MAX_OUTPUT_CHARS;
        return "… (" + cut + " characters cut)\n" + output.substring(cut);
    }

    /** The timeline's text for this step: runbook, step, command, result and output. */
    public String timelineText(String runbook) {
        StringBuilder text = new StringBuilder("runbook \"").append(runbook).append("\" ")
                .append(step.reference()).append(" (").append(step.title()).append("): ");
        // A refused command goes on record escaped: the timeline is shown on terminals and in pages alike.
        step.command().ifPresent(command -> text.append("$ ")
                .append(status == Status.REFUSED ? TerminalText.oneLine(command) : command).append(" → "));
        text.append(switch (status) {
            case EXECUTED -> "exit " + exitCode.orElse(-1) + " in " + took.toMillis() + " ms";
            case TIMED_OUT -> "killed after " + took.toMillis() + " ms (timeout)";
            case SKIPPED -> "skipped" + (output.isEmpty() ? "" : ": " + output);
            case DECLINED -> "declined by the responder";
            case DRY_RUN, MANUAL -> status.label();
            case QUIT -> "run stopped by the responder";
            case FAILED_TO_START -> "failed to start" + (output.isEmpty() ? "" : ": " + output);
            case REFUSED -> "refused: " + output;
        });
        if ((status == Status.EXECUTED || status == Status.TIMED_OUT) && !output.isEmpty()) {
            text.append('\n').append(output);
        }
        return text.toString();
    }
}

package io.relia.incident.runbook;

/** Where a runbook run shows its steps and asks before running a command: a terminal, or a test. */
public interface RunbookConsole {

    /** What the responder says to a step's command. */
    enum Answer {
        RUN, SKIP, QUIT
    }

    /** Shows the step about to be walked: phase, number, title, command, risk, expected result. */
    void show(RunbookStep step);

    /** True when someone can answer {@link #ask}; a non-interactive console skips steps that need confirmation. */
    boolean interactive();

    /** Asks whether to run the step's command. */
    Answer ask(RunbookStep step);

    /** Shows what a step did. */
    void done(StepOutcome outcome);
}

package io.relia.chaos.run;

import io.relia.chaos.experiment.Activity;
import io.relia.chaos.experiment.Experiment;

import java.time.Duration;

/**
 * The end of every run: the experiment's rollbacks per its strategy, then the undo log's safety net for whatever
 * they left, all within one time budget. Runs on the runner's thread, which nothing interrupts any more.
 */
final class Rollbacks {

    private Rollbacks() {
    }

    static void run(Experiment experiment, ActivityExecutor executor, UndoLog undo, RunRecord record,
                    RunListener listener, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean runRollbacks = switch (experiment.strategies().rollbacks()) {
            case DEFAULT, ALWAYS -> true;
            case NEVER -> false;
            case DEVIATED -> record.deviated;
        };
        try {
            if (runRollbacks && !experiment.rollbacks().isEmpty()) {
                listener.phase("rollbacks");
                for (Activity rollback : experiment.rollbacks()) {
                    if (System.nanoTime() > deadline) {
                        record.undone.add("rollback \"" + rollback.name() + "\" skipped: rollback timeout of "
                                + timeout.toSeconds() + " s reached");
                        continue;
                    }
                    Journal.ActivityRun result = executor.execute(rollback);
                    record.rollbacks.add(result);
                    listener.activity(result);
                }
            }
            // The safety net runs even past the deadline: leaving a fault in place is worse than a late exit, and
            // each undo is itself bounded by its client's timeouts.
            for (UndoLog.Change change : undo.pending()) {
                try {
                    executor.undo(change);
                    record.undone.add(change.describe());
                } catch (ActivityFailure failed) {
                    record.undone.add("FAILED to " + change.describe() + ": " + failed.getMessage());
                }
            }
        } catch (InterruptedException unexpected) {
            // nothing interrupts this thread while rolling back; keep the flag for the caller
            Thread.currentThread().interrupt();
        }
    }
}

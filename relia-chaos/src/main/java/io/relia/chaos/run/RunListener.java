package io.relia.chaos.run;

/**
 * Live progress of a run, for the CLI to print; the runner never prints. Called on the runner's thread (background activities: on theirs); keep
 * implementations quick. All methods default to doing nothing.
 */
public interface RunListener {

    RunListener NONE = new RunListener() {
    };

    /** The targets were checked before the run (proxies created where declared); see {@link Targets}. */
    default void targets(Targets.Report report) {
    }

    /** A phase started: {@code steady-state before}, {@code method}, {@code steady-state after}, {@code rollbacks}. */
    default void phase(String name) {
    }

    /** An activity finished. */
    default void activity(Journal.ActivityRun run) {
    }

    /** A measurement of the traffic source was taken. */
    default void sample(Journal.Sample sample) {
    }

    /** Something that may make the run meaningless without stopping it (faults that may not reach the service). */
    default void warning(String message) {
    }

    /** The run is stopping early: an abort criterion held, or it was interrupted. */
    default void stopping(String reason) {
    }
}

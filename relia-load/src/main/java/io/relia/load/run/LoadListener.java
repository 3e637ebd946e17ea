package io.relia.load.run;

/** Receives a run's progress: the live progress line, the interval log, a dashboard. Called on the collector thread. */
public interface LoadListener {

    /** After each interval. */
    default void interval(IntervalReport report) {
    }

    /** Once, when the run has ended (normally or aborted). */
    default void finished(LoadResult result) {
    }

    /** A listener that does nothing. */
    LoadListener NONE = new LoadListener() {
    };
}

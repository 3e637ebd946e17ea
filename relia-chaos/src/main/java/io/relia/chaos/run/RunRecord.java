package io.relia.chaos.run;

import io.relia.chaos.experiment.Experiment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The journal being written while a run goes on; background activities add to it from other threads. */
final class RunRecord {

    final Instant start = Instant.now();
    final List<Journal.ActivityRun> run = Collections.synchronizedList(new ArrayList<>());
    final List<Journal.ActivityRun> rollbacks = new ArrayList<>();
    final List<Journal.SteadyState> during = new ArrayList<>();
    final List<Journal.Sample> samples = new ArrayList<>();
    final List<Journal.Window> faultWindows = new ArrayList<>();
    final List<String> undone = new ArrayList<>();
    Optional<Journal.SteadyState> before = Optional.empty();
    Optional<Journal.SteadyState> after = Optional.empty();
    Journal.Status status = Journal.Status.COMPLETED;
    boolean deviated;
    String abortReason = "";

    Journal toJournal(Experiment experiment) {
        List<Journal.ActivityRun> runs;
        synchronized (run) {
            runs = List.copyOf(run);
        }
        return new Journal(experiment.raw(), experiment.title(), start, Instant.now(), status, deviated, before,
                after, during, runs, rollbacks, undone, abortReason, samples, faultWindows);
    }
}

package io.relia.chaos.run;

import io.relia.chaos.experiment.Activity;

import java.util.ArrayList;
import java.util.List;

/** Runs a list of probes with tolerances as one check of the steady state (or of the native verifications). */
final class Checks {

    private Checks() {
    }

    /**
     * @param lenient when true, a probe that could not measure does not make the check fail (a verification of a
     *                metric nothing measures is reported, not held against the system); else it does
     */
    static Journal.SteadyState run(String phase, List<Activity> probes, ActivityExecutor executor,
                                   RunListener listener, boolean lenient) throws InterruptedException {
        List<Journal.ActivityRun> runs = new ArrayList<>();
        boolean met = true;
        for (Activity probe : probes) {
            Journal.ActivityRun result = executor.execute(probe);
            listener.activity(result);
            runs.add(result);
            boolean passed = result.succeeded() ? result.toleranceMet().orElse(true) : lenient;
            met &= passed;
        }
        return new Journal.SteadyState(phase, met, runs);
    }
}

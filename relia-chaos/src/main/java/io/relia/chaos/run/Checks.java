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

    /**
     * Why a check did not hold, probe by probe: "error_rate < 1%: measured 100.00% (40 requests in the last 4s, 40
     * failed: connection refused to 127.0.0.1:8080 (40))", or the probe's failure. Empty when it held.
     */
    static String why(Journal.SteadyState state) {
        return state.probes().stream().filter(probe -> !probe.succeeded() || !probe.toleranceMet().orElse(true))
                .map(probe -> outcome(probe).replaceFirst("^(steady state|verification): ", ""))
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /**
     * One activity's outcome for people: a probe's measurement (with unit and basis) or why it could not measure;
     * an action's name, and why it failed.
     */
    static String outcome(Journal.ActivityRun run) {
        if (!run.succeeded()) {
            return run.name() + (run.kind().equals("probe") ? ": could not measure: " : ": failed: ")
                    + run.exception().map(Checks::firstLine).orElse("");
        }
        if (run.kind().equals("probe")) {
            return run.name() + ": measured " + run.detail().orElseGet(() -> Outputs.brief(run.output()));
        }
        return run.name();
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}

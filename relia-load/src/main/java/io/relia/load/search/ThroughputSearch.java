package io.relia.load.search;

import io.relia.load.run.LoadListener;
import io.relia.load.run.LoadOptions;
import io.relia.load.run.LoadResult;
import io.relia.load.run.LoadRunner;
import io.relia.load.run.LoadStats;
import io.relia.load.scenario.LoadProfile;
import io.relia.load.scenario.Scenario;
import io.relia.load.threshold.Threshold;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Finds the highest arrival rate a target sustains while meeting an SLO: doubles the rate from the start until a
 * step fails (or the maximum passes), bisects between the last pass and the first failure until they are within
 * the precision, then repeats the best passing rate to check it holds (stepping down when it does not). Every
 * step is an open-model run at a constant rate, judged after its warm-up.
 */
public final class ThroughputSearch {
    /** Times the knee is stepped down when its confirmation fails. */
    private static final int CONFIRM_ATTEMPTS = 3;

    private final Scenario scenario;
    private final List<Threshold> slo;
    private final String sloText;
    private final SearchOptions options;
    private final LoadOptions loadOptions;
    private final Consumer<StepResult> onStep;
    private final List<StepResult> steps = new ArrayList<>();
    private volatile LoadRunner current;
    private volatile boolean stopped;

    public ThroughputSearch(Scenario scenario, List<Threshold> slo, String sloText, SearchOptions options,
            LoadOptions loadOptions, Consumer<StepResult> onStep) {
        if (slo.isEmpty()) {
            throw new IllegalArgumentException("a search needs at least one SLO threshold");
        }
        this.scenario = scenario;
        this.slo = List.copyOf(slo);
        this.sloText = sloText;
        this.options = options;
        // Short steps need short intervals: the warm-up is left out in whole intervals.
        Duration interval = options.step().compareTo(Duration.ofSeconds(10)) < 0 ? Duration.ofMillis(100)
                : loadOptions.interval();
        this.loadOptions = loadOptions.withInterval(interval).withWindow(
                loadOptions.window().compareTo(interval) < 0 ? interval : loadOptions.window());
        this.onStep = onStep;
    }

    /** Stops the search after the current step (Ctrl-C). */
    public void interrupt() {
        stopped = true;
        LoadRunner runner = current;
        if (runner != null) {
            runner.interrupt();
        }
    }

    public SearchResult run() {
        StepResult pass = null;
        StepResult fail = null;
        double rate = options.startRate();
        String limitedBy = "precision";
        // 1. exponential ramp
        while (true) {
            StepResult step = step("ramp", rate);
            if (step == null) {
                return result(pass, fail, "interrupted");
            }
            if (generatorLimited(step)) {
                return result(pass, step, "generator");
            }
            if (step.pass()) {
                pass = step;
                if (rate >= options.maxRate()) {
                    return result(pass, null, "max-rate");
                }
                rate = Math.min(rate * 2, options.maxRate());
            } else {
                fail = step;
                break;
            }
            if (steps.size() >= options.maxSteps()) {
                return result(pass, fail, "steps");
            }
        }
        if (pass == null) {
            return result(null, fail, "start-failed");
        }
        // 2. bisection, 3. confirmation
        int confirmations = 0;
        while (steps.size() < options.maxSteps()) {
            if ((fail.rate() - pass.rate()) / pass.rate() > options.precision()) {
                StepResult step = step("bisect", (pass.rate() + fail.rate()) / 2);
                if (step == null) {
                    return result(pass, fail, "interrupted");
                }
                if (generatorLimited(step)) {
                    return result(pass, step, "generator");
                }
                if (step.pass()) {
                    pass = step;
                } else {
                    fail = step;
                }
                continue;
            }
            StepResult again = step("confirm", pass.rate());
            if (again == null) {
                return result(pass, fail, "interrupted");
            }
            if (again.pass()) {
                return result(again, fail, limitedBy);
            }
            fail = again;
            if (++confirmations >= CONFIRM_ATTEMPTS) {
                return result(null, fail, "unstable");
            }
            StepResult lower = step("confirm", pass.rate() * (1 - options.precision()));
            if (lower == null) {
                return result(pass, fail, "interrupted");
            }
            if (!lower.pass()) {
                fail = lower;
                return result(null, fail, "unstable");
            }
            pass = lower;
        }
        return result(pass, fail, "steps");
    }

    /** A step that failed although every SLO threshold held: requests could not leave on schedule. */
    private static boolean generatorLimited(StepResult step) {
        return !step.pass() && step.failing().isEmpty();
    }

    private SearchResult result(StepResult knee, StepResult fail, String limitedBy) {
        return new SearchResult(sloText, Optional.ofNullable(knee), Optional.ofNullable(fail), steps, limitedBy);
    }

    /** Runs one step; null when the search was interrupted. */
    private StepResult step(String phase, double rate) {
        if (stopped) {
            return null;
        }
        Scenario one = scenario.withProfile(new LoadProfile.Constant(rate, options.step()))
                .withWarmup(options.stepWarmup()).withThresholds(slo);
        LoadRunner runner = new LoadRunner(one, loadOptions, LoadListener.NONE);
        current = runner;
        LoadResult result = runner.run();
        current = null;
        if (result.interrupted()) {
            return null;
        }
        LoadStats total = result.total();
        List<Threshold.Verdict> failing = result.verdicts().stream().filter(v -> !v.pass()).toList();
        // Sent versus scheduled over the same intervals: when requests could not leave on time although the
        // target met the SLO, the generator (or the connection pool) is the limit, not the target.
        double sendRate = total.intended() == 0 ? 0 : rate * total.sent() / total.intended();
        boolean generatorBehind = failing.isEmpty() && total.sent() < total.intended() * options.minSendRatio();
        boolean pass = failing.isEmpty() && !generatorBehind;
        String reason = pass ? "" : generatorBehind
                ? String.format(Locale.ROOT, "the load generator sent only %.0f of %.0f req/s", sendRate, rate)
                : failing.stream().map(v -> v.threshold().source() + " (observed " + v.observedText() + ")")
                        .reduce((a, b) -> a + ", " + b).orElse("");
        StepResult step = new StepResult(phase, rate, sendRate, total.achievedRate(),
                total.latencyPercentileMillis(50), total.latencyPercentileMillis(99),
                total.requests() == 0 ? 0 : (double) total.errors() / total.requests(), pass, failing, reason);
        steps.add(step);
        onStep.accept(step);
        return step;
    }
}

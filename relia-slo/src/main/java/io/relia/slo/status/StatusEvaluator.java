package io.relia.slo.status;

import io.relia.slo.AlertPlan;
import io.relia.slo.ErrorBudget;
import io.relia.slo.Slo;
import io.relia.slo.query.BoundedParallel;
import io.relia.slo.query.QueryEngine;
import io.relia.slo.query.QueryException;
import io.relia.slo.query.SloQueries;
import io.relia.slo.query.TimeGrid;
import io.relia.slo.query.WindowedRatio;
import io.relia.slo.rules.AlertWindows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes SLO status at a moment from any {@link QueryEngine}: the error ratio over the period and each alert
 * window, how much of the period the data covers, the budget left and its policy state, the alerts that would fire,
 * and the time to exhaustion. Formulas follow the SRE Workbook ("Implementing SLOs") and slo-generator's report:
 * burn rate = error ratio / (1 − objective); budget spent = burn rate over the data × the covered share of the
 * period (the rule of {@link SloStatus}).
 */
public final class StatusEvaluator {

    /** The window of "the current burn rate" used for time to exhaustion. */
    public static final Duration CURRENT_WINDOW = Duration.ofHours(1);

    private final QueryEngine engine;
    private final Duration defaultPeriod;
    private final BudgetPolicy policy;
    private final int parallelism;

    /**
     * @param parallelism most SLOs evaluated at once (each runs its queries in turn); 1..64
     */
    public StatusEvaluator(QueryEngine engine, Duration defaultPeriod, BudgetPolicy policy, int parallelism) {
        if (parallelism < 1 || parallelism > 64) {
            throw new IllegalArgumentException("parallelism must be 1..64: " + parallelism);
        }
        this.engine = engine;
        this.defaultPeriod = defaultPeriod;
        this.policy = policy;
        this.parallelism = parallelism;
    }

    /** An SLO and the queries that measure it (its own SLI, or a CSV's counters). */
    public record Target(Slo slo, SloQueries queries) {
    }

    /** Status of every target at {@code at}, in the targets' order, at most {@code parallelism} at once. */
    public List<SloStatus> evaluateAll(List<Target> targets, Instant at) throws QueryException, InterruptedException {
        return BoundedParallel.map(targets, parallelism, target -> evaluate(target, at));
    }

    /** Status of one SLO at {@code at}; a failed query names the SLO. */
    public SloStatus evaluate(Target target, Instant at) throws QueryException {
        try {
            return compute(target, at);
        } catch (QueryException failed) {
            throw failed.forSlo(target.slo().id());
        }
    }

    private SloStatus compute(Target target, Instant at) throws QueryException {
        Slo slo = target.slo();
        Duration period = slo.period().orElse(defaultPeriod);
        double budget = slo.errorBudgetRatio();
        List<AlertPlan.Row> alerts = AlertPlan.of(slo, period, AlertWindows.GOOGLE);
        TreeSet<Duration> windows = new TreeSet<>();
        alerts.forEach(row -> {
            windows.add(row.shortWindow());
            windows.add(row.longWindow());
        });
        windows.add(CURRENT_WINDOW);
        windows.add(period);
        TimeGrid grid = TimeGrid.at(at);
        Map<Duration, WindowedRatio> measured = new TreeMap<>();
        for (Duration window : windows) {
            measured.put(window, WindowedRatio.measure(engine, target.queries(), window, grid));
        }
        WindowedRatio whole = measured.get(period);
        double errorRatio = whole.ratio()[0];
        Coverage coverage = CoverageProbe.measure(engine, target.queries(), period, at);
        if (!Double.isNaN(errorRatio) && coverage.covered().isZero()) {
            // The SLI has a value but its series were not found: never judge by a share of nothing.
            coverage = Coverage.assumed(period);
        }
        // The one budget rule (see SloStatus): burn rate over the data × the covered share of the window.
        double remaining = 1 - errorRatio / budget * coverage.share();
        double seconds = period.toSeconds();
        // Prometheus' rate() over the window divides the increase it saw by the whole window: × window = observed.
        OptionalDouble events = target.queries().countsEvents() && !Double.isNaN(whole.eventRate()[0])
                ? OptionalDouble.of(whole.eventRate()[0] * seconds) : OptionalDouble.empty();
        OptionalDouble bad = events.isPresent() ? OptionalDouble.of(whole.errorRate()[0] * seconds)
                : OptionalDouble.empty();
        List<SloStatus.WindowBurn> burns = new ArrayList<>();
        for (WindowedRatio ratio : measured.values()) {
            if (!ratio.window().equals(period) || windows.size() == 1) {
                burns.add(new SloStatus.WindowBurn(ratio.window(), ratio.ratio()[0], ratio.ratio()[0] / budget,
                        ratio.eventRate()[0]));
            }
        }
        burns.add(new SloStatus.WindowBurn(period, errorRatio, errorRatio / budget, whole.eventRate()[0]));
        List<SloStatus.FiringAlert> firing = new ArrayList<>();
        for (AlertPlan.Row row : alerts) {
            double longBurn = measured.get(row.longWindow()).ratio()[0] / budget;
            double shortBurn = measured.get(row.shortWindow()).ratio()[0] / budget;
            double traffic = measured.get(row.longWindow()).eventRate()[0];
            boolean enoughTraffic = slo.extensions().minTrafficPerSecond() == 0 || Double.isNaN(traffic)
                    || traffic >= slo.extensions().minTrafficPerSecond();
            if (longBurn > row.factor() && shortBurn > row.factor() && enoughTraffic) {
                firing.add(new SloStatus.FiringAlert(row.severity(), row.longWindow(), row.shortWindow(),
                        row.factor(), longBurn, shortBurn));
            }
        }
        // A burn rate of 1 spends the whole budget in one window: the budget left lasts remaining × window ÷ burn.
        double currentBurn = measured.get(CURRENT_WINDOW).ratio()[0] / budget;
        Optional<Duration> exhaustion = remaining > 0 && currentBurn > 0
                ? Optional.of(Duration.ofSeconds(Math.round(remaining * seconds / currentBurn)))
                : Optional.empty();
        double budgetMinutes = ErrorBudget.of(slo, period).minutes().doubleValue();
        return new SloStatus(slo, at, errorRatio, events, bad, coverage, budgetMinutes, policy.stateOf(remaining),
                burns, firing, exhaustion);
    }

    /**
     * The budget left over the data in the window, at about {@code points} evenly spaced times up to the status'
     * moment: the budget {@code status} reports spent, taken in the order the failures came (the errors of each step
     * over all of them), so that the curve starts at 1 and ends exactly at {@link SloStatus#budgetRemaining()}. Step
     * rates do not add up exactly to the rate over the whole window, which is why the shape, not the sum, is taken
     * from them. Times without data hold NaN.
     */
    public BurnDown burnDown(Target target, SloStatus status, int points) throws QueryException {
        Instant at = status.at();
        Duration covered = status.coverage().covered();
        Instant start = at.minus(covered.isZero() ? status.period() : covered);
        // Steps of at least 5m: the shortest window SLIs are written for, and several samples per rate at 1m scrapes.
        Duration step = Duration.ofSeconds(Math.max(300, Duration.between(start, at).toSeconds() / points));
        TimeGrid grid = new TimeGrid(start.plus(step), at, step);
        WindowedRatio ratio = WindowedRatio.measure(engine, target.queries(), step, grid);
        int n = grid.size();
        boolean counted = target.queries().countsEvents();
        double[] errors = new double[n];
        double[] eventsSoFar = new double[n];
        boolean[] known = new boolean[n];
        double errorSum = 0;
        double eventSum = 0;
        for (int i = 0; i < n; i++) {
            double e = counted ? ratio.errorRate()[i] : ratio.ratio()[i];
            double t = counted ? ratio.eventRate()[i] : 1;
            if (!Double.isNaN(e) && !Double.isNaN(t)) {
                errorSum += e;
                eventSum += t;
                known[i] = true;
            }
            errors[i] = errorSum;
            eventsSoFar[i] = eventSum;
        }
        double spent = status.budgetSpent();
        double[] remaining = new double[n];
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // Without errors in the steps, the (tiny) spend is spread over the events instead.
            double shareSoFar = errorSum > 0 ? errors[i] / errorSum : eventSum > 0 ? eventsSoFar[i] / eventSum : 0;
            remaining[i] = !known[i] && eventsSoFar[i] == 0 || Double.isNaN(spent) ? Double.NaN
                    : 1 - spent * shareSoFar;
            times.add(grid.at(i));
        }
        return new BurnDown(times, remaining);
    }

    /**
     * Budget left over time.
     *
     * @param times     evaluation times
     * @param remaining budget left at each time, ratio (1 = untouched)
     */
    public record BurnDown(List<Instant> times, double[] remaining) {
    }
}

package io.relia.slo.backtest;

import io.relia.slo.query.TimeGrid;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/** Turning per-step booleans into intervals, and Prometheus' {@code for:} into per-step firing. */
final class Intervals {

    private Intervals() {
    }

    /** Runs of grid steps where {@code holds} is true, joined when separated by at most {@code gap}. */
    static List<Interval> where(TimeGrid grid, IntPredicate holds, Duration gap) {
        boolean[] on = new boolean[grid.size()];
        for (int i = 0; i < on.length; i++) {
            on[i] = holds.test(i);
        }
        return where(grid, on, gap);
    }

    /** Runs of grid steps where {@code holds[i]} is true, joined when separated by at most {@code gap}. */
    static List<Interval> where(TimeGrid grid, boolean[] holds, Duration gap) {
        List<Interval> result = new ArrayList<>();
        int start = -1;
        int n = holds.length;
        for (int i = 0; i <= n; i++) {
            boolean on = i < n && holds[i];
            if (on && start < 0) {
                start = i;
            } else if (!on && start >= 0) {
                Interval run = new Interval(grid.at(start), grid.at(i - 1));
                if (!result.isEmpty() && !Duration.between(result.getLast().end(), run.start()).minus(grid.step())
                        .minus(gap).isPositive()) {
                    result.set(result.size() - 1, new Interval(result.getLast().start(), run.end()));
                } else {
                    result.add(run);
                }
                start = -1;
            }
        }
        return result;
    }

    /**
     * Prometheus' {@code for:}: an alert whose condition first holds at t0 fires at the first evaluation t with
     * t − t0 ≥ for, as long as it keeps holding.
     */
    static boolean[] after(boolean[] holds, Duration forDuration, Duration step) {
        long needed = (forDuration.toMillis() + step.toMillis() - 1) / step.toMillis();
        boolean[] fires = new boolean[holds.length];
        long run = 0;
        for (int i = 0; i < holds.length; i++) {
            run = holds[i] ? run + 1 : 0;
            fires[i] = holds[i] && run - 1 >= needed;
        }
        return fires;
    }
}

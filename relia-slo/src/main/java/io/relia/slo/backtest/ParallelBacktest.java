package io.relia.slo.backtest;

import io.relia.slo.query.BoundedParallel;
import io.relia.slo.query.QueryEngine;
import io.relia.slo.query.QueryException;
import io.relia.slo.query.TimeGrid;
import io.relia.slo.status.StatusEvaluator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Backtests many SLOs at once: SLOs that share an SLI go to one worker (which queries it once), workers run on a
 * bounded pool, and results come back in the targets' order.
 */
public final class ParallelBacktest {

    /** An SLI's ratios are queried over this window to tell SLIs apart. */
    private static final Duration KEY_WINDOW = Duration.ofMinutes(5);

    private ParallelBacktest() {
    }

    /**
     * @param threads most workers at once, 1..64 (the processors for offline data, the in-flight limit for a server)
     */
    public static List<BacktestResult> run(QueryEngine engine, Duration defaultPeriod,
                                           List<StatusEvaluator.Target> targets, TimeGrid grid,
                                           List<Backtester.KnownIncident> known, int threads)
            throws QueryException, InterruptedException {
        Map<String, List<Integer>> bySli = new LinkedHashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            bySli.computeIfAbsent(targets.get(i).queries().errorRatio(KEY_WINDOW), k -> new ArrayList<>()).add(i);
        }
        BacktestResult[] results = new BacktestResult[targets.size()];
        BoundedParallel.map(List.copyOf(bySli.values()), threads, group -> {
            Backtester backtester = new Backtester(engine, defaultPeriod);
            for (int index : group) {
                results[index] = backtester.run(targets.get(index), grid, known);
            }
            return group;
        });
        return List.of(results);
    }
}

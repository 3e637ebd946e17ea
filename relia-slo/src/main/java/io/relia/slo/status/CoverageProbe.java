package io.relia.slo.status;

import io.relia.core.value.Durations;
import io.relia.slo.promql.Selectors;
import io.relia.slo.query.QueryEngine;
import io.relia.slo.query.QueryException;
import io.relia.slo.query.SloQueries;
import io.relia.slo.query.TimeGrid;
import io.relia.slo.query.TimeSeries;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds where an SLI's data starts inside its window with two bounded range queries that any Prometheus (2.29+) and
 * the offline engine answer alike: {@code count(present_over_time(S[step]))} for each series selector {@code S} the
 * SLI reads, first over the window in at most {@value #COARSE_STEPS} coarse steps (each step's range meets the next,
 * so no sample is missed), then in 1-minute steps over the coarse step where data appears. The start is thus known
 * to the minute, at the cost of about 780 evaluation points.
 */
final class CoverageProbe {

    /** Most points of the coarse query, well under Prometheus' limit of 11,000 points per range query. */
    static final int COARSE_STEPS = 720;
    private static final Duration FINE_STEP = Duration.ofMinutes(1);

    private CoverageProbe() {
    }

    /**
     * The coverage of {@code window} ending at {@code at}; the whole window assumed when the SLI's series cannot be
     * read from its PromQL or the source refuses the probe.
     */
    static Coverage measure(QueryEngine engine, SloQueries queries, Duration window, Instant at)
            throws QueryException {
        List<String> selectors;
        try {
            selectors = Selectors.in(queries.seriesQuery(FINE_STEP));
        } catch (QueryException unreadable) {
            return Coverage.assumed(window);
        }
        if (selectors.isEmpty()) {
            return Coverage.assumed(window);
        }
        try {
            return search(engine, selectors, window, at);
        } catch (QueryException rejected) {
            if (rejected.isUserError()) {
                // A server that refuses the probe (present_over_time needs Prometheus 2.29): judge over the whole
                // window and say so, rather than fail a status the SLI's own queries answered.
                return Coverage.assumed(window);
            }
            throw rejected;
        }
    }

    private static Coverage search(QueryEngine engine, List<String> selectors, Duration window, Instant at)
            throws QueryException {
        Duration coarse = coarseStep(window);
        long steps = (window.toMillis() + coarse.toMillis() - 1) / coarse.toMillis();
        TimeGrid grid = new TimeGrid(at.minus(coarse.multipliedBy(steps)), at, coarse);
        int first = firstPresent(engine.queryRange(presence(selectors, coarse), grid));
        if (first < 0) {
            return Coverage.of(window, Duration.ZERO);
        }
        if (first == 0) {
            return Coverage.whole(window);
        }
        // Data appeared within (grid[first - 1], grid[first]]: find the minute.
        TimeGrid fine = new TimeGrid(grid.at(first - 1).plus(FINE_STEP), grid.at(first), FINE_STEP);
        int minute = firstPresent(engine.queryRange(presence(selectors, FINE_STEP), fine));
        Instant start = minute < 0 ? grid.at(first) : fine.at(minute);
        return Coverage.of(window, Duration.between(start, at));
    }

    /** The window in at most {@link #COARSE_STEPS} steps of whole minutes: 1h for 30d. */
    static Duration coarseStep(Duration window) {
        long minutes = (window.toMinutes() + COARSE_STEPS - 1) / COARSE_STEPS;
        return Duration.ofMinutes(Math.max(1, minutes));
    }

    /** 1 at each time when any of the series has a sample in the step before it. */
    static String presence(List<String> selectors, Duration step) {
        String range = "[" + Durations.formatPrometheus(step) + "]";
        return selectors.stream().map(s -> "count(present_over_time(" + s + range + "))")
                .collect(Collectors.joining(" or "));
    }

    private static int firstPresent(List<TimeSeries> result) {
        int first = -1;
        for (TimeSeries series : result) {
            double[] values = series.values();
            for (int i = 0; i < values.length && (first < 0 || i < first); i++) {
                if (!Double.isNaN(values[i])) {
                    first = i;
                    break;
                }
            }
        }
        return first;
    }
}

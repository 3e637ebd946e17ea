package io.relia.slo.query;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * An SLO's error ratio over one window at every time of a grid, with the event rate behind it when the SLI counts
 * events. Several result series (an SLI grouped by a label) are added up: errors and events summed, raw ratios
 * taking the worst.
 *
 * @param window    the rate window
 * @param ratio     error ratio 0..1 per grid time, NaN without data or traffic
 * @param eventRate events per second per grid time, NaN for ratio SLIs or without data
 * @param errorRate bad events per second per grid time, NaN for ratio SLIs or without data
 */
public record WindowedRatio(Duration window, double[] ratio, double[] eventRate, double[] errorRate) {

    /** Queries {@code queries} over {@code window} on every time of {@code grid}. */
    public static WindowedRatio measure(QueryEngine engine, SloQueries queries, Duration window, TimeGrid grid)
            throws QueryException {
        int n = grid.size();
        if (!queries.countsEvents()) {
            double[] ratio = combine(engine.queryRange(queries.errorRatio(window), grid), n, true);
            return new WindowedRatio(window, ratio, nan(n), nan(n));
        }
        double[] errors = combine(engine.queryRange(queries.errors(window), grid), n, false);
        double[] total = combine(engine.queryRange(queries.total(window), grid), n, false);
        double[] ratio = new double[n];
        for (int i = 0; i < n; i++) {
            double e = Double.isNaN(errors[i]) && !Double.isNaN(total[i]) ? 0 : errors[i];
            errors[i] = e;
            ratio[i] = total[i] > 0 ? e / total[i] : Double.NaN;
        }
        return new WindowedRatio(window, ratio, total, errors);
    }

    /** Several series into one: summed, or the largest for ratios; NaN where none has a value. */
    private static double[] combine(List<TimeSeries> series, int n, boolean worst) {
        double[] result = nan(n);
        for (TimeSeries one : series) {
            for (int i = 0; i < n; i++) {
                double value = one.values()[i];
                if (Double.isNaN(value)) {
                    continue;
                }
                result[i] = Double.isNaN(result[i]) ? value
                        : worst ? Math.max(result[i], value) : result[i] + value;
            }
        }
        return result;
    }

    private static double[] nan(int n) {
        double[] values = new double[n];
        Arrays.fill(values, Double.NaN);
        return values;
    }
}

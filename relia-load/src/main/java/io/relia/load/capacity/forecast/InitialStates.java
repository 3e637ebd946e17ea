package io.relia.load.capacity.forecast;

/**
 * The initial level, trend and additive daily season of Holt-Winters as free variables, so they are fitted together
 * with the smoothing parameters, as statsmodels' {@code initialization_method='estimated'} and the ETS framework do
 * (Hyndman, Koehler, Ord &amp; Snyder, "Forecasting with Exponential Smoothing", 2008, 5.2). On a history of a week or
 * two the decomposition's first cycles are a noisy start, and the recursions carry that noise into every forecast.
 * Each variable ranges over [-1, 1] and maps to an offset from the decomposition's state, in units of the history's
 * spread; the seasonal offsets are centred so the season stays a deviation from the level.
 *
 * @param base   the decomposition's state: {@code {level, trend, s1[0..m-1]}}
 * @param spread the standard deviation of the history, the largest offset of the level and of each seasonal index
 */
record InitialStates(double[] base, double spread) {

    static InitialStates around(HoltWintersFilter filter, double[] y, int n) {
        HoltWintersFilter.State s = filter.initialState(y, n);
        double[] base = new double[2 + s.s1.length];
        base[0] = s.level;
        base[1] = s.trend;
        System.arraycopy(s.s1, 0, base, 2, s.s1.length);
        double mean = 0;
        for (int t = 0; t < n; t++) {
            mean += y[t] / n;
        }
        double variance = 0;
        for (int t = 0; t < n; t++) {
            variance += (y[t] - mean) * (y[t] - mean) / n;
        }
        return new InitialStates(base, Math.max(Math.sqrt(variance), 1e-9));
    }

    int dimensions() {
        return base.length;
    }

    /** The state for the variables {@code x[offset..offset+dimensions-1]}. */
    double[] at(double[] x, int offset) {
        int period = base.length - 2;
        double[] state = base.clone();
        state[0] += x[offset] * spread;
        state[1] += x[offset + 1] * spread / period;
        double centre = 0;
        for (int p = 0; p < period; p++) {
            centre += x[offset + 2 + p] / period;
        }
        for (int p = 0; p < period; p++) {
            state[2 + p] += (x[offset + 2 + p] - centre) * spread;
        }
        return state;
    }
}

package io.relia.load.capacity.forecast;

/**
 * The recursions of damped-trend Holt-Winters with up to two seasonal cycles, additive or multiplicative, in the
 * error-correction form of Hyndman &amp; Athanasopoulos, FPP 8.3 (ETS(A,Ad,A) and ETS(A,Ad,M)); the second cycle
 * follows Taylor (2003), "Short-term electricity demand forecasting using double seasonal exponential smoothing".
 * Seasonal periods of 0 mean "no such cycle".
 *
 * @param m1             the shorter seasonal period in steps (e.g. 24 for a day of hours), or 0
 * @param m2             the longer seasonal period in steps (e.g. 168 for a week of hours), or 0
 * @param multiplicative whether seasonal factors multiply the level instead of adding to it
 */
record HoltWintersFilter(int m1, int m2, boolean multiplicative) {

    /** Smoothing parameters: level α, trend β, damping φ, seasonal gains γ1 and γ2. */
    record Parameters(double alpha, double beta, double phi, double gamma1, double gamma2) {
    }

    /** The state after the values seen so far; seasonal arrays are indexed by {@code t mod m}. */
    static final class State {
        double level;
        double trend;
        final double[] s1;
        final double[] s2;

        State(int m1, int m2, double neutral) {
            s1 = new double[Math.max(1, m1)];
            s2 = new double[Math.max(1, m2)];
            java.util.Arrays.fill(s1, neutral);
            java.util.Arrays.fill(s2, neutral);
        }
    }

    /** Cycles of the only period averaged for its initial seasonal indices. */
    private static final int SEASON_INIT_CYCLES = 7;

    int longestPeriod() {
        return Math.max(1, Math.max(m1, m2));
    }

    /**
     * Initial states from a decomposition of the first cycles (FPP 3.4's classical decomposition): a line through the
     * means of the first and last whole cycle, then the mean detrended value at each phase of the shorter cycle, then
     * that of the longer cycle.
     */
    State initialState(double[] y, int n) {
        State state = new State(m1, m2, multiplicative ? 1 : 0);
        int window = initWindow(n);
        double[] line = cycleTrend(y, window);
        state.trend = line[1];
        state.level = line[0] - line[1];
        double[] detrended = new double[window];
        for (int t = 0; t < window; t++) {
            double fitted = line[0] + line[1] * t;
            detrended[t] = multiplicative ? y[t] / fitted : y[t] - fitted;
        }
        if (m1 > 1) {
            phaseMeans(detrended, window, m1, state.s1, null);
        }
        if (m2 > 1) {
            phaseMeans(detrended, window, m2, state.s2, m1 > 1 ? state.s1 : null);
        }
        return state;
    }

    /** {@code {intercept, slope}} from whole-cycle means, which the season cannot bias; flat within one cycle. */
    private double[] cycleTrend(double[] y, int window) {
        int m = longestPeriod();
        int cycles = window / m;
        double all = 0;
        for (int t = 0; t < window; t++) {
            all += y[t] / window;
        }
        if (cycles < 2 || m == 1) {
            return m == 1 ? LinearTrend.fitLine(y, window) : new double[] {all, 0};
        }
        double first = 0;
        double last = 0;
        for (int i = 0; i < m; i++) {
            first += y[i] / m;
            last += y[window - m + i] / m;
        }
        double slope = (last - first) / ((cycles - 1) * m);
        return new double[] {all - slope * (window - 1) / 2.0, slope};
    }

    /** Values used to initialise: up to 7 cycles of the shorter period, 2 of the longer, whole cycles only. */
    private int initWindow(int n) {
        int m = longestPeriod();
        int cycles = m2 > 1 ? 2 : SEASON_INIT_CYCLES;
        int window = Math.min(n, m * cycles);
        return window >= m ? window / m * m : n;
    }

    /** Mean of {@code x} at each phase of {@code period}, net of {@code shorter}'s indices, centred on neutral. */
    private void phaseMeans(double[] x, int window, int period, double[] into, double[] shorter) {
        double[] sum = new double[period];
        int[] count = new int[period];
        for (int t = 0; t < window; t++) {
            double v = x[t];
            if (shorter != null) {
                v = multiplicative ? v / shorter[t % shorter.length] : v - shorter[t % shorter.length];
            }
            sum[t % period] += v;
            count[t % period]++;
        }
        double mean = 0;
        for (int p = 0; p < period; p++) {
            into[p] = count[p] > 0 ? sum[p] / count[p] : (multiplicative ? 1 : 0);
            mean += into[p] / period;
        }
        for (int p = 0; p < period; p++) {
            into[p] = multiplicative ? (mean != 0 ? into[p] / mean : 1) : into[p] - mean;
        }
    }

    /** Consumes {@code y[t]}: one step of the recursions. */
    void update(State s, Parameters p, double y, int t) {
        int i1 = t % s.s1.length;
        int i2 = t % s.s2.length;
        double base = s.level + p.phi() * s.trend;
        double a = s.s1[i1];
        double b = s.s2[i2];
        if (multiplicative) {
            double season = a * b;
            double error = y - base * season;
            s.level = base + p.alpha() * error / season;
            s.trend = p.phi() * s.trend + p.beta() * error / season;
            if (m1 > 1) {
                s.s1[i1] = a + p.gamma1() * error / (base * b);
            }
            if (m2 > 1) {
                s.s2[i2] = b + p.gamma2() * error / (base * a);
            }
        } else {
            double error = y - base - a - b;
            s.level = base + p.alpha() * error;
            s.trend = p.phi() * s.trend + p.beta() * error;
            if (m1 > 1) {
                s.s1[i1] = a + p.gamma1() * error;
            }
            if (m2 > 1) {
                s.s2[i2] = b + p.gamma2() * error;
            }
        }
    }

    /** The forecast of the value at index {@code t + h} (h ≥ 0) from the state after {@code y[0..t-1]}. */
    double predict(State s, Parameters p, int t, int h) {
        double damped = 0;
        double power = 1;
        for (int i = 0; i <= h; i++) {
            power *= p.phi();
            damped += power;
        }
        double base = s.level + damped * s.trend;
        double a = s.s1[(t + h) % s.s1.length];
        double b = s.s2[(t + h) % s.s2.length];
        return multiplicative ? base * a * b : base + a + b;
    }

    /**
     * Mean absolute error of the forecasts 1..{@code horizon} steps ahead from every {@code stride}-th origin in
     * {@code [from, n)}:
     * the multi-step objective that keeps the fit honest for the horizon actually forecast.
     */
    double multiStepError(double[] y, int n, int horizon, int from, int stride, Parameters p) {
        State s = initialState(y, n);
        double sum = 0;
        long count = 0;
        double[] dampedSum = new double[horizon];
        double power = 1;
        double acc = 0;
        for (int h = 0; h < horizon; h++) {
            power *= p.phi();
            acc += power;
            dampedSum[h] = acc;
        }
        for (int t = 0; t < n; t++) {
            if (t >= from && (t - from) % stride == 0) {
                int steps = Math.min(horizon, n - t);
                for (int h = 0; h < steps; h++) {
                    double base = s.level + dampedSum[h] * s.trend;
                    double a = s.s1[(t + h) % s.s1.length];
                    double b = s.s2[(t + h) % s.s2.length];
                    double f = multiplicative ? base * a * b : base + a + b;
                    sum += Math.abs(y[t + h] - f);
                }
                count += steps;
            }
            update(s, p, y[t], t);
            if (!Double.isFinite(s.level)) {
                return Double.MAX_VALUE;
            }
        }
        return count == 0 ? 0 : sum / count;
    }

    /** Runs the recursions over {@code y[0..origin-1]} and forecasts {@code horizon} values after it. */
    double[] forecast(double[] y, int origin, int horizon, Parameters p) {
        State s = initialState(y, origin);
        for (int t = 0; t < origin; t++) {
            update(s, p, y[t], t);
        }
        double[] f = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            f[h] = predict(s, p, origin, h);
        }
        return f;
    }
}

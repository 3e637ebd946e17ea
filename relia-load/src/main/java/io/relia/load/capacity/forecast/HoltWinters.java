package io.relia.load.capacity.forecast;

import java.util.Arrays;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Holt-Winters exponential smoothing with a damped trend and one or two seasonal cycles (Hyndman &amp; Athanasopoulos,
 * FPP 8.3; Taylor 2003 for two cycles). Parameters minimise the mean absolute error of forecasts 1..h steps ahead over
 * the history (BOBYQA, Powell 2009, within bounds that keep the recursions stable), not the one-step error, which on
 * trending daily cycles drives α and β towards 1 and extrapolates the last step's slope.
 *
 * @param filter the recursions and seasonal periods
 * @param damped whether the model has a (damped) trend; without one the level is flat
 */
record HoltWinters(HoltWintersFilter filter, boolean damped, int fitHorizon) implements ForecastModel {

    private static final double MIN_PHI = 0.8;
    private static final double MULTIPLICATIVE_FLOOR = 0.05;
    private static final int MAX_EVALUATIONS = 300;
    /** Forecast origins in the objective: six weeks of hours, sampled at most {@code OBJECTIVE_SAMPLES} times. */
    private static final int MAX_OBJECTIVE_ORIGINS = 1008;
    private static final int OBJECTIVE_SAMPLES = 336;

    static HoltWinters additive(int m1, int m2, boolean damped) {
        return new HoltWinters(new HoltWintersFilter(m1, m2, false), damped, 0);
    }

    static HoltWinters multiplicative(int m1, int m2, boolean damped) {
        return new HoltWinters(new HoltWintersFilter(m1, m2, true), damped, 0);
    }

    @Override
    public String name() {
        StringBuilder name = new StringBuilder("hw-").append(filter.multiplicative() ? "mul" : "add");
        name.append(damped ? "-damped(" : "(");
        if (filter.m1() > 1) {
            name.append(filter.m1());
        }
        if (filter.m2() > 1) {
            name.append(filter.m1() > 1 ? "," : "").append(filter.m2());
        }
        return name.append(fitHorizon > 0 ? ")/" + fitHorizon : ")").toString();
    }

    @Override
    public int minHistory() {
        return 2 * filter.longestPeriod();
    }

    /**
     * Enough history, and for a multiplicative model one that stays clear of zero: every value at least
     * {@value #MULTIPLICATIVE_FLOOR} of the history's 90th percentile. Multiplicative seasons divide by the level; on a
     * counter that idles near zero between bursts the seasonal indices explode and the forecast runs away (MASE 4.35
     * against seasonal naive's 1.00 on a public network-traffic series, and 23 on the synthetic bursty counter).
     */
    @Override
    public boolean accepts(double[] y, int n) {
        return n >= minHistory() && (!filter.multiplicative() || clearOfZero(y, n));
    }

    /** Whether every value of {@code y[0..n-1]} is at least {@value #MULTIPLICATIVE_FLOOR} of its 90th percentile. */
    static boolean clearOfZero(double[] y, int n) {
        double[] sorted = Arrays.copyOf(y, n);
        Arrays.sort(sorted);
        double high = sorted[(int) Math.floor(0.9 * (n - 1))];
        return high > 0 && sorted[0] >= MULTIPLICATIVE_FLOOR * high;
    }

    @Override
    public Fitted fit(double[] y, int n, int horizon) {
        HoltWintersFilter.Parameters best = optimise(y, n, fitHorizon > 0 ? fitHorizon : horizon);
        return (series, origin, h) -> filter.forecast(series, origin, h, best);
    }

    HoltWintersFilter.Parameters optimise(double[] y, int n, int horizon) {
        int from = Math.max(Math.min(filter.longestPeriod(), n / 2), n - MAX_OBJECTIVE_ORIGINS);
        int stride = Math.max(1, (n - from) / OBJECTIVE_SAMPLES);
        double[] start = {0.2, 0.1, 0.5, 0.1, 0.1};
        double[] lower = new double[start.length];
        double[] upper = {1, damped ? 1 : 0, damped ? 1 : 0, filter.m1() > 1 ? 1 : 0, filter.m2() > 1 ? 1 : 0};
        int dimensions = 0;
        for (double u : upper) {
            dimensions += u > 0 ? 1 : 0;
        }
        int[] free = new int[dimensions];
        for (int i = 0, j = 0; i < upper.length; i++) {
            if (upper[i] > 0) {
                free[j++] = i;
            }
        }
        double[] x0 = new double[dimensions];
        double[] lo = new double[dimensions];
        double[] hi = new double[dimensions];
        for (int j = 0; j < dimensions; j++) {
            x0[j] = start[free[j]];
            lo[j] = lower[free[j]];
            hi[j] = upper[free[j]];
        }
        double scale = Accuracy.seasonalNaiveScale(y, n, 1);
        double[] best = x0.clone();
        double[] bestValue = {Double.MAX_VALUE};
        ObjectiveFunction objective = new ObjectiveFunction(x -> {
            double value = filter.multiStepError(y, n, horizon, from, stride, parameters(expand(x, free, start.length)))
                    / scale;
            if (value < bestValue[0]) {
                bestValue[0] = value;
                System.arraycopy(x, 0, best, 0, x.length);
            }
            return value;
        });
        try {
            new BOBYQAOptimizer(2 * dimensions + 1, 0.15, 1e-4).optimize(new MaxEval(MAX_EVALUATIONS), objective,
                    GoalType.MINIMIZE, new InitialGuess(x0), new SimpleBounds(lo, hi));
        } catch (MathIllegalStateException e) {
            // evaluation budget spent or a degenerate trust region: the best point seen so far is still a fit
        }
        return parameters(expand(best, free, start.length));
    }

    private static double[] expand(double[] x, int[] free, int size) {
        double[] all = new double[size];
        for (int j = 0; j < free.length; j++) {
            all[free[j]] = x[j];
        }
        return all;
    }

    /** Maps the unit box to parameters: β ≤ α and γ ≤ 1 − α keep the recursions in the usual stable region. */
    private HoltWintersFilter.Parameters parameters(double[] x) {
        double alpha = x[0];
        double beta = damped ? alpha * x[1] : 0;
        double phi = damped ? MIN_PHI + (1 - MIN_PHI) * x[2] : 1;
        return new HoltWintersFilter.Parameters(alpha, beta, phi, (1 - alpha) * x[3], (1 - alpha) * x[4]);
    }
}

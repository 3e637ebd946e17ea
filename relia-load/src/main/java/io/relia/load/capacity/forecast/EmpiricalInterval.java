package io.relia.load.capacity.forecast;

import java.util.Arrays;

/**
 * Prediction intervals from backtest errors: each step's error spread {@code σ_h} is the RMS error of the steps
 * around it, and the interval is the forecast plus the split-conformal quantiles of the pooled standardised errors
 * {@code e/σ_h} (Hyndman &amp; Athanasopoulos, FPP 5.5, "prediction intervals from bootstrapped residuals", and
 * Lei et al. 2018 for the finite-sample quantile). Steps beyond the backtest's horizon widen with {@code √h}.
 */
final class EmpiricalInterval {

    private static final int WINDOW = 2;

    private final double[] sigma;
    private final double lowQuantile;
    private final double highQuantile;

    private EmpiricalInterval(double[] sigma, double lowQuantile, double highQuantile) {
        this.sigma = sigma;
        this.lowQuantile = lowQuantile;
        this.highQuantile = highQuantile;
    }

    /**
     * Calibrates on errors measured in units of each origin's recent volatility ({@code errors[k][h] / volatility[k]})
     * and scales the interval to {@code now}, the volatility at the forecast's origin: when a series turns calmer or
     * wilder than it was at the backtest's origins, its interval follows.
     */
    static EmpiricalInterval calibrate(double[][] errors, double[] volatility, double now, double level) {
        double[][] relative = new double[errors.length][];
        for (int k = 0; k < errors.length; k++) {
            relative[k] = errors[k].clone();
            for (int h = 0; h < relative[k].length; h++) {
                relative[k][h] /= volatility[k];
            }
        }
        EmpiricalInterval unit = calibrate(relative, level);
        double[] sigma = unit.sigma.clone();
        for (int h = 0; h < sigma.length; h++) {
            sigma[h] *= now;
        }
        return new EmpiricalInterval(sigma, unit.lowQuantile, unit.highQuantile);
    }

    /** Calibrates on {@code errors[k][h]} (actual − forecast) for a nominal coverage {@code level} in (0, 1). */
    static EmpiricalInterval calibrate(double[][] errors, double level) {
        int horizon = errors[0].length;
        double[] sigma = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            double sum = 0;
            int count = 0;
            for (int j = Math.max(0, h - WINDOW); j <= Math.min(horizon - 1, h + WINDOW); j++) {
                for (double[] e : errors) {
                    sum += e[j] * e[j];
                    count++;
                }
            }
            sigma[h] = Math.sqrt(sum / count);
        }
        for (int h = 1; h < horizon; h++) {
            sigma[h] = Math.max(sigma[h], sigma[h - 1]);   // uncertainty does not shrink with the lead time
        }
        double[] z = new double[errors.length * horizon];
        int i = 0;
        for (double[] e : errors) {
            for (int h = 0; h < horizon; h++) {
                z[i++] = sigma[h] > 0 ? e[h] / sigma[h] : 0;
            }
        }
        Arrays.sort(z);
        double tail = (1 - level) / 2;
        return new EmpiricalInterval(sigma, conformal(z, tail), conformal(z, 1 - tail));
    }

    /** The {@code ⌈(n+1)p⌉}-th smallest value, clamped to the sample: a slightly conservative quantile. */
    private static double conformal(double[] sorted, double p) {
        int n = sorted.length;
        int rank = p < 0.5 ? (int) Math.floor((n + 1) * p) : (int) Math.ceil((n + 1) * p);
        return sorted[Math.clamp(rank - 1, 0, n - 1)];
    }

    double sigma(int step) {
        int last = sigma.length - 1;
        return step <= last ? sigma[step] : sigma[last] * Math.sqrt((step + 1.0) / (last + 1.0));
    }

    double lower(int step, double mean) {
        return mean + lowQuantile * sigma(step);
    }

    double upper(int step, double mean) {
        return mean + highQuantile * sigma(step);
    }
}

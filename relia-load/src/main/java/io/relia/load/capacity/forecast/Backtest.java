package io.relia.load.capacity.forecast;

import java.util.Arrays;
import java.util.List;

/**
 * A rolling-origin backtest of one model on a series' own history (Hyndman &amp; Athanasopoulos, FPP 5.10): the model
 * is fitted on the values before the first origin, then forecasts {@code horizon} steps from each origin using only
 * the values before it. Errors are scaled per origin by the in-sample seasonal naive MAE, as MASE prescribes.
 *
 * @param model    the model tested
 * @param origins  the origins' indices, ascending
 * @param actual   {@code actual[k][h]}: the value {@code h} steps after origin {@code k}
 * @param forecast {@code forecast[k][h]}: the model's forecast of it
 * @param scale    {@code scale[k]}: the seasonal naive MAE of the history before origin {@code k}
 */
record Backtest(ForecastModel model, int[] origins, double[][] actual, double[][] forecast, double[] scale) {

    /** Runs {@code model} over {@code origins}; the caller ensures the first origin holds its minimum history. */
    static Backtest run(ForecastModel model, double[] y, int[] origins, int horizon, int seasonPeriod) {
        ForecastModel.Fitted fitted = model.fit(y, origins[0], horizon);
        double[][] actual = new double[origins.length][];
        double[][] forecast = new double[origins.length][];
        double[] scale = new double[origins.length];
        for (int k = 0; k < origins.length; k++) {
            int o = origins[k];
            actual[k] = Arrays.copyOfRange(y, o, o + horizon);
            forecast[k] = fitted.forecast(y, o, horizon);
            scale[k] = Accuracy.seasonalNaiveScale(y, o, seasonPeriod);
        }
        return new Backtest(model, origins, actual, forecast, scale);
    }

    /** The backtest of the plain mean of already backtested models, over the same origins. */
    static Backtest mean(List<Backtest> parts) {
        double[] equal = new double[parts.size()];
        Arrays.fill(equal, 1.0 / parts.size());
        return combine(parts, equal);
    }

    /** The backtest of a weighted mean of already backtested models, over the same origins. */
    static Backtest combine(List<Backtest> parts, double[] weights) {
        Backtest first = parts.getFirst();
        ForecastModel combined = Ensemble.of(parts.stream().map(Backtest::model).toList(), weights);
        double[][] forecast = new double[first.origins.length][first.horizon()];
        for (int p = 0; p < parts.size(); p++) {
            for (int k = 0; k < forecast.length; k++) {
                for (int h = 0; h < forecast[k].length; h++) {
                    forecast[k][h] += weights[p] * parts.get(p).forecast[k][h];
                }
            }
        }
        return new Backtest(combined, first.origins, first.actual, forecast, first.scale);
    }

    /** This backtest over its first {@code count} origins only: what was known at origin {@code count}. */
    Backtest head(int count) {
        return new Backtest(model, Arrays.copyOf(origins, count), Arrays.copyOf(actual, count),
                Arrays.copyOf(forecast, count), Arrays.copyOf(scale, count));
    }

    int horizon() {
        return actual[0].length;
    }

    /** MASE pooled over all origins and steps. */
    double mase() {
        double sum = 0;
        for (int k = 0; k < origins.length; k++) {
            sum += Accuracy.mase(actual[k], forecast[k], scale[k]);
        }
        return sum / origins.length;
    }

    /**
     * The median over origins of each origin's MASE: the score models are ranked by, so that one abnormal backtest
     * day or week (an outage, a holiday, a storm) does not decide the choice, as it does a mean (Davydenko &amp;
     * Fildes 2013, "Measuring forecasting accuracy", on the skew of per-series scaled errors).
     */
    double medianMase() {
        double[] each = perOrigin();
        Arrays.sort(each);
        int middle = each.length / 2;
        return each.length % 2 == 1 ? each[middle] : (each[middle - 1] + each[middle]) / 2;
    }

    /** Each origin's MASE, in origin order. */
    double[] perOrigin() {
        double[] each = new double[origins.length];
        for (int k = 0; k < origins.length; k++) {
            each[k] = Accuracy.mase(actual[k], forecast[k], scale[k]);
        }
        return each;
    }

    /** The mean MASE of the last {@code count} origins: how the model does on the most recent behaviour. */
    double recentMase(int count) {
        double[] each = perOrigin();
        double sum = 0;
        for (int k = each.length - count; k < each.length; k++) {
            sum += each[k];
        }
        return sum / count;
    }

    /** {@code errors[k][h]} divided by origin {@code k}'s scale: errors comparable across origins. */
    double[][] scaledErrors() {
        double[][] e = errors();
        for (int k = 0; k < e.length; k++) {
            for (int h = 0; h < e[k].length; h++) {
                e[k][h] /= scale[k];
            }
        }
        return e;
    }

    /** sMAPE pooled over all origins and steps, in percent. */
    double smape() {
        double sum = 0;
        for (int k = 0; k < origins.length; k++) {
            sum += Accuracy.smape(actual[k], forecast[k]);
        }
        return sum / origins.length;
    }

    /** {@code errors[k][h] = actual − forecast}. */
    double[][] errors() {
        double[][] e = new double[origins.length][horizon()];
        for (int k = 0; k < origins.length; k++) {
            for (int h = 0; h < e[k].length; h++) {
                e[k][h] = actual[k][h] - forecast[k][h];
            }
        }
        return e;
    }
}

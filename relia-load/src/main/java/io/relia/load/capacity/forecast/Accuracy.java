package io.relia.load.capacity.forecast;

/**
 * Forecast accuracy measures of Hyndman &amp; Athanasopoulos, "Forecasting: Principles and Practice" (3rd ed., 5.8):
 * the scale of MASE is the in-sample mean absolute error of the seasonal naive forecast.
 */
final class Accuracy {

    private Accuracy() {
    }

    /**
     * Mean of {@code |y_t − y_{t−period}|} over {@code y[0..n-1]}; falls back to lag 1 when the history is shorter
     * than two periods, and to 1 when that is 0 too (a constant series), so scaled errors stay finite.
     */
    static double seasonalNaiveScale(double[] y, int n, int period) {
        int lag = period >= 1 && n > period ? period : 1;
        double sum = 0;
        for (int t = lag; t < n; t++) {
            sum += Math.abs(y[t] - y[t - lag]);
        }
        double scale = n > lag ? sum / (n - lag) : 0;
        if (scale > 0 || lag == 1) {
            return scale > 0 ? scale : 1;
        }
        return seasonalNaiveScale(y, n, 1);
    }

    /**
     * The recent volatility before {@code n}: the seasonal naive MAE over the last {@code window} steps of
     * {@code y[0..n-1]} (lag {@code period}, or 1 when too short), never 0 (falls back to the whole history's scale).
     */
    static double recentScale(double[] y, int n, int period, int window) {
        int lag = period >= 1 && n > period + 1 ? period : 1;
        int from = Math.max(lag, n - window);
        double sum = 0;
        for (int t = from; t < n; t++) {
            sum += Math.abs(y[t] - y[t - lag]);
        }
        double scale = n > from ? sum / (n - from) : 0;
        return scale > 0 ? scale : seasonalNaiveScale(y, n, period);
    }

    /** One term of sMAPE, in percent: {@code 200·|y − f| / (|y| + |f|)}, 0 when both are 0. */
    static double smapeTerm(double actual, double forecast) {
        double denominator = Math.abs(actual) + Math.abs(forecast);
        return denominator == 0 ? 0 : 200 * Math.abs(actual - forecast) / denominator;
    }

    /** Mean absolute scaled error of {@code forecast} against {@code actual}, both of the same length. */
    static double mase(double[] actual, double[] forecast, double scale) {
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            sum += Math.abs(actual[i] - forecast[i]);
        }
        return sum / actual.length / scale;
    }

    /** Symmetric mean absolute percentage error of {@code forecast} against {@code actual}, in percent. */
    static double smape(double[] actual, double[] forecast) {
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            sum += smapeTerm(actual[i], forecast[i]);
        }
        return sum / actual.length;
    }
}

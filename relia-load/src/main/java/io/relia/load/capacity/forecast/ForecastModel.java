package io.relia.load.capacity.forecast;

/**
 * A forecasting method: fitted once on a history, then able to forecast from any later origin of the same series with
 * the fitted parameters (what a rolling-origin backtest needs).
 */
interface ForecastModel {

    /** A short name, e.g. {@code snaive(24)}. */
    String name();

    /** The fewest values {@link #fit} accepts. */
    int minHistory();

    /** Whether {@link #fit} accepts {@code y[0..n-1]}: enough values, and positive ones where the model needs it. */
    default boolean accepts(double[] y, int n) {
        return n >= minHistory();
    }

    /** Fits on {@code y[0..n-1]}, choosing parameters for forecasts up to {@code horizon} steps ahead. */
    Fitted fit(double[] y, int n, int horizon);

    /** A fitted model. */
    interface Fitted {

        /** Forecasts {@code y[origin..origin+horizon-1]} from {@code y[0..origin-1]} only. */
        double[] forecast(double[] y, int origin, int horizon);
    }
}

package io.relia.load.capacity.forecast;

/**
 * A model whose forecasts stay in the range its history makes plausible: never below zero when the history never
 * was (a request rate, a byte count), and never further outside the history's range than the history itself moved
 * per step: with range {@code R = max − min} over {@code n} values, a forecast {@code h} steps out may leave
 * {@code [min, max]} by at most {@code R·h/n}. A trend model fitted on a few days otherwise extrapolates one slope for
 * months, and a multiplicative model divides by a near-zero level and runs away (both seen on public series; see
 * docs/capacity.md, "How the model is chosen").
 *
 * @param inner the model bounded
 */
record Bounded(ForecastModel inner) implements ForecastModel {

    /** The model inside {@code model} when it is bounded, else {@code model}. */
    static ForecastModel unwrap(ForecastModel model) {
        return model instanceof Bounded(ForecastModel inner) ? inner : model;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public int minHistory() {
        return inner.minHistory();
    }

    @Override
    public boolean accepts(double[] y, int n) {
        return inner.accepts(y, n);
    }

    @Override
    public Fitted fit(double[] y, int n, int horizon) {
        Fitted fitted = inner.fit(y, n, horizon);
        return (series, origin, h) -> clip(fitted.forecast(series, origin, h), series, origin);
    }

    /** {@code forecast} clipped to the plausible range after {@code y[0..n-1]}, in place; returns it. */
    static double[] clip(double[] forecast, double[] y, int n) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < n; t++) {
            min = Math.min(min, y[t]);
            max = Math.max(max, y[t]);
        }
        double drift = (max - min) / n;
        for (int i = 0; i < forecast.length; i++) {
            double low = min - drift * (i + 1);
            double high = max + drift * (i + 1);
            forecast[i] = Math.clamp(forecast[i], min >= 0 ? Math.max(0, low) : low, high);
        }
        return forecast;
    }
}

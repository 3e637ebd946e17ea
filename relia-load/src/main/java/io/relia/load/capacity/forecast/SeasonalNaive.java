package io.relia.load.capacity.forecast;

/** Seasonal naive: each step repeats the value one season earlier (Hyndman &amp; Athanasopoulos, FPP 5.2). */
record SeasonalNaive(int period) implements ForecastModel {

    SeasonalNaive {
        if (period < 1) {
            throw new IllegalArgumentException("period must be >= 1: " + period);
        }
    }

    @Override
    public String name() {
        return period == 1 ? "naive" : "snaive(" + period + ")";
    }

    @Override
    public int minHistory() {
        return period;
    }

    @Override
    public Fitted fit(double[] y, int n, int horizon) {
        return (series, origin, h) -> {
            double[] f = new double[h];
            for (int i = 0; i < h; i++) {
                f[i] = series[origin - period + i % period];
            }
            return f;
        };
    }
}

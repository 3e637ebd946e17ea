package io.relia.load.capacity.forecast;

/** A straight line fitted by ordinary least squares to the whole history and extended (FPP 7.1). */
record LinearTrend() implements ForecastModel {

    @Override
    public String name() {
        return "linear";
    }

    @Override
    public int minHistory() {
        return 2;
    }

    @Override
    public Fitted fit(double[] y, int n, int horizon) {
        return (series, origin, h) -> {
            double[] line = fitLine(series, origin);
            double[] f = new double[h];
            for (int i = 0; i < h; i++) {
                f[i] = line[0] + line[1] * (origin + i);
            }
            return f;
        };
    }

    /** {@code {intercept, slope}} of the least-squares line through {@code (t, y[t])}, {@code t = 0..n-1}. */
    static double[] fitLine(double[] y, int n) {
        double meanT = (n - 1) / 2.0;
        double meanY = 0;
        for (int t = 0; t < n; t++) {
            meanY += y[t];
        }
        meanY /= n;
        double sxy = 0;
        double sxx = 0;
        for (int t = 0; t < n; t++) {
            sxy += (t - meanT) * (y[t] - meanY);
            sxx += (t - meanT) * (t - meanT);
        }
        double slope = sxx > 0 ? sxy / sxx : 0;
        return new double[] {meanY - slope * meanT, slope};
    }
}

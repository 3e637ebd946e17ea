package io.relia.load.capacity.forecast;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Forecasts a regular time series: every candidate model (seasonal naive and median, linear trend, Holt-Winters
 * variants with daily, weekly and both seasons) and the mean of the two best is backtested from rolling origins on the
 * series' own history; the one with the lowest MASE is refitted on all of it, and its prediction interval comes from
 * its backtest errors (Hyndman &amp; Athanasopoulos, "Forecasting: Principles and Practice", 3rd ed., 5.5, 5.8, 5.10,
 * 8.3, 13.4).
 */
public final class Forecaster {

    /** Backtest origins at most: two weeks of daily origins for hourly data. */
    private static final int MAX_ORIGINS = 14;
    /** Horizons of history kept before the first backtest origin, to fit on. */
    private static final int FIT_RESERVE = 2;
    /** The most models averaged; on the NAB series pairs helped and triples did not (bench/forecast-accuracy.sh). */
    private static final int MAX_ENSEMBLE = 2;
    /** Histories up to this many values are refitted at every backtest origin (Backtest.run). */
    static final int REFIT_HISTORY = 1008;

    private Forecaster() {
    }

    /**
     * Forecasts {@code horizonSteps} values after the end of {@code history}, with a prediction interval of nominal
     * coverage {@code level} (ratio 0..1, e.g. 0.95).
     *
     * @throws IllegalArgumentException for fewer than 2 values, a non-finite value, a horizon below 1 or a level
     *                                  outside (0, 1)
     */
    public static Forecast forecast(TimeSeries history, int horizonSteps, double level) {
        Objects.requireNonNull(history, "history");
        double[] y = history.values();
        validate(y, horizonSteps, level);
        int n = y.length;
        int testHorizon = Math.min(horizonSteps, Math.max(1, n / 2));
        int originCount = Math.clamp(n / testHorizon - FIT_RESERVE, 1, MAX_ORIGINS);
        int[] origins = new int[originCount];
        for (int k = 0; k < originCount; k++) {
            origins[k] = n - (originCount - k) * testHorizon;
        }
        int scalePeriod = ModelCatalog.scalePeriod(history.step());
        List<Backtest> results = new ArrayList<>();
        for (ForecastModel model : ModelCatalog.candidates(history.step())) {
            if (model.accepts(y, origins[0])) {
                results.add(Backtest.run(model, y, origins, testHorizon, scalePeriod, n <= REFIT_HISTORY));
            }
        }
        results.sort(Comparator.comparingDouble(Backtest::mase));
        for (int size = 2; size <= Math.min(MAX_ENSEMBLE, results.size()); size++) {
            results.add(Backtest.mean(results.subList(0, size)));
        }
        results.sort(Comparator.comparingDouble(Backtest::mase));
        Backtest best = results.getFirst();
        double[] mean = best.model().fit(y, n, horizonSteps).forecast(y, n, horizonSteps);
        EmpiricalInterval interval = EmpiricalInterval.calibrate(best.errors(), level);
        double[] lower = new double[horizonSteps];
        double[] upper = new double[horizonSteps];
        for (int h = 0; h < horizonSteps; h++) {
            lower[h] = interval.lower(h, mean[h]);
            upper[h] = interval.upper(h, mean[h]);
        }
        List<Forecast.ModelScore> scores = results.stream()
                .map(r -> new Forecast.ModelScore(r.model().name(), r.mase(), r.smape(), r == best))
                .toList();
        return new Forecast(best.model().name(), new TimeSeries(history.end(), history.step(), mean), lower, upper,
                level, scores);
    }

    private static void validate(double[] y, int horizonSteps, double level) {
        if (y.length < 2) {
            throw new IllegalArgumentException("need at least 2 values to forecast, got " + y.length);
        }
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("value " + i + " is " + y[i] + "; resample to fill gaps first");
            }
        }
        if (horizonSteps < 1) {
            throw new IllegalArgumentException("horizonSteps must be >= 1: " + horizonSteps);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1): " + level);
        }
    }
}

package io.relia.load.capacity.forecast;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Forecasts a regular time series: every candidate model (seasonal naive and median, linear trend, Holt-Winters
 * variants with daily, weekly and both seasons) and the mean of every pair of them is backtested from rolling origins
 * on the series' own history; the one with the lowest median MASE over the origins is refitted on all of it, and its
 * prediction interval comes from its backtest errors (Hyndman &amp; Athanasopoulos, "Forecasting: Principles and
 * Practice", 3rd ed., 5.5, 5.8, 5.10, 8.3, 13.4). Pairs, not only the best two, because the models that score best
 * alone often err alike; the median, not the mean, because a single abnormal origin otherwise decides.
 */
public final class Forecaster {

    /** Backtest origins at most: two weeks of daily origins for hourly data. */
    private static final int MAX_ORIGINS = 14;
    /** Horizons of history kept before the first backtest origin, to fit on. */
    private static final int FIT_RESERVE = 2;

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
        int[] origins = origins(n, testHorizon);
        int scalePeriod = ModelCatalog.scalePeriod(history.step());
        List<Backtest> results = new ArrayList<>();
        for (ForecastModel model : ModelCatalog.candidates(history.step())) {
            if (model.accepts(y, origins[0])) {
                results.add(Backtest.run(model, y, origins, testHorizon, scalePeriod));
            }
        }
        Backtest best = bestSingleOrPair(results);
        if (!results.contains(best)) {
            results.add(best);
        }
        results.sort(Comparator.comparingDouble(Backtest::medianMase));
        double[] mean = best.model().fit(y, n, horizonSteps).forecast(y, n, horizonSteps);
        EmpiricalInterval interval = EmpiricalInterval.calibrate(best.errors(), level);
        double[] lower = new double[horizonSteps];
        double[] upper = new double[horizonSteps];
        for (int h = 0; h < horizonSteps; h++) {
            lower[h] = interval.lower(h, mean[h]);
            upper[h] = interval.upper(h, mean[h]);
        }
        List<Forecast.ModelScore> scores = results.stream()
                .map(r -> new Forecast.ModelScore(r.model().name(), r.medianMase(), r.smape(), r == best))
                .toList();
        return new Forecast(best.model().name(), new TimeSeries(history.end(), history.step(), mean), lower, upper,
                level, scores);
    }

    /**
     * The plain seasonal naive forecast ("same hour last week", or last day when the history holds less than two
     * weeks, or the last value when it has no daily season), with an interval from its own backtest errors: the
     * baseline a capacity plan is compared with, to show how much the chosen model changes it.
     *
     * @throws IllegalArgumentException as {@link #forecast}
     */
    public static Forecast seasonalNaive(TimeSeries history, int horizonSteps, double level) {
        Objects.requireNonNull(history, "history");
        double[] y = history.values();
        validate(y, horizonSteps, level);
        int n = y.length;
        int testHorizon = Math.min(horizonSteps, Math.max(1, n / 2));
        int[] origins = origins(n, testHorizon);
        ForecastModel model = new SeasonalNaive(1);
        for (ForecastModel candidate : ModelCatalog.candidates(history.step())) {
            if (candidate instanceof SeasonalNaive naive && naive.period() > 1
                    && naive.accepts(y, origins[0]) && n >= 2 * naive.period()) {
                model = candidate;
            }
        }
        Backtest backtest = Backtest.run(model, y, origins, testHorizon, ModelCatalog.scalePeriod(history.step()));
        double[] mean = model.fit(y, n, horizonSteps).forecast(y, n, horizonSteps);
        EmpiricalInterval interval = EmpiricalInterval.calibrate(backtest.errors(), level);
        double[] lower = new double[horizonSteps];
        double[] upper = new double[horizonSteps];
        for (int h = 0; h < horizonSteps; h++) {
            lower[h] = interval.lower(h, mean[h]);
            upper[h] = interval.upper(h, mean[h]);
        }
        return new Forecast(model.name(), new TimeSeries(history.end(), history.step(), mean), lower, upper, level,
                List.of(new Forecast.ModelScore(model.name(), backtest.medianMase(), backtest.smape(), true)));
    }

    /** {@code count} origins spaced one test horizon apart, the last one test horizon before the end. */
    private static int[] origins(int n, int testHorizon) {
        int originCount = Math.clamp(n / testHorizon - FIT_RESERVE, 1, MAX_ORIGINS);
        int[] origins = new int[originCount];
        for (int k = 0; k < originCount; k++) {
            origins[k] = n - (originCount - k) * testHorizon;
        }
        return origins;
    }

    /** The single model or mean of two with the lowest median MASE; the earlier candidate wins a tie. */
    private static Backtest bestSingleOrPair(List<Backtest> singles) {
        Backtest best = singles.getFirst();
        double bestScore = best.medianMase();
        for (int i = 0; i < singles.size(); i++) {
            for (int j = i; j < singles.size(); j++) {
                Backtest candidate = i == j ? singles.get(i) : Backtest.mean(List.of(singles.get(i), singles.get(j)));
                double score = candidate.medianMase();
                if (score < bestScore) {
                    best = candidate;
                    bestScore = score;
                }
            }
        }
        return best;
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

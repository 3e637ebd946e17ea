package io.relia.load.capacity.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Forecasts a regular time series. Every candidate model (seasonal naive and median, linear trend, Holt-Winters
 * variants with daily, weekly and both seasons) is backtested from rolling origins on the series' own history
 * (Hyndman &amp; Athanasopoulos, "Forecasting: Principles and Practice", 3rd ed., 5.10), and the choice is guarded so
 * that one lucky backtest cannot pick a model that does worse than "same hour last week":
 * <ol>
 * <li>Before any model competes: multiplicative models only on histories clear of zero ({@link HoltWinters#accepts});
 * every forecast kept inside the range the history makes plausible ({@link Bounded}).</li>
 * <li>The <em>robust baseline</em> is the naive, seasonal naive or seasonal median model with the lowest backtest
 * score.</li>
 * <li>Candidates are the single models and the pairs of them weighted by their out-of-sample error (Bates &amp;
 * Granger 1969; FPP 13.4). A candidate whose mean MASE over the latest half of the origins (at least three) is worse
 * than seasonal naive's (the better of the daily and weekly one) is never chosen, however well it did before: the
 * series may have changed. Fewer than three latest origins are too noisy a test: on one public CPU series two of them
 * ruled out the naive model that then won five of seven test days.</li>
 * <li>The eligible candidate with the lowest median MASE over the origins wins (the median, so that one abnormal
 * backtest day cannot decide).</li>
 * <li>It is then shrunk toward the baseline by the weight that minimises the backtest's squared scaled error: a
 * candidate whose wins are small and whose losses are large, origin to origin, keeps little weight.</li>
 * </ol>
 * The prediction interval comes from the final blend's own backtest errors, measured in units of each origin's
 * recent volatility and scaled to the volatility at the end of the history ({@link EmpiricalInterval}). The rule was
 * frozen on the six shared NAB series and a synthetic set, then evaluated once on public series it never saw
 * (docs/benchmarks.md, "Capacity forecast accuracy").
 */
public final class Forecaster {

    /** Backtest origins at most: two weeks of daily origins for hourly data. */
    private static final int MAX_ORIGINS = 14;
    /** Horizons of history kept before the first backtest origin, to fit on. */
    private static final int FIT_RESERVE = 2;
    /** The latest origins a candidate must not lose on: half of them, and at least this many when there are. */
    private static final int RECENT_ORIGINS = 3;
    /** Seasons (a week of daily seasons) over which an origin's recent volatility is measured for the interval. */
    private static final int VOLATILITY_PERIODS = 7;
    /** The first backtest origin whose error counts for the interval: the procedure has chosen from one before it. */
    private static final int HONEST_FROM = 1;

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
        Split split = Split.of(history, horizonSteps, level);
        double[] y = split.y();
        int n = y.length;
        int[] origins = split.origins();
        int testHorizon = split.testHorizon();
        int scalePeriod = split.scalePeriod();
        List<Backtest> singles = new ArrayList<>();
        for (ForecastModel model : ModelCatalog.candidates(history.step())) {
            if (model.accepts(y, origins[0]) && model.accepts(y, n)) {
                singles.add(Backtest.run(new Bounded(model), y, origins, testHorizon, scalePeriod));
            }
        }
        Backtest chosen = choose(singles);
        List<Backtest> results = new ArrayList<>(singles);
        if (!results.contains(chosen)) {
            results.add(chosen);
        }
        results.sort(Comparator.comparingDouble(Backtest::medianMase));
        double[] mean = chosen.model().fit(y, n, horizonSteps).forecast(y, n, horizonSteps);
        EmpiricalInterval interval = honestInterval(singles, chosen, y, scalePeriod, level);
        List<Forecast.ModelScore> scores = results.stream()
                .map(r -> new Forecast.ModelScore(r.model().name(), r.medianMase(), r.smape(), r == chosen))
                .toList();
        return split.forecast(chosen.model().name(), history, mean, interval, scores);
    }

    /**
     * The plain seasonal naive forecast ("same hour last week", or last day when the history holds less than two
     * weeks, or the last value when it has no daily season), with an interval from its own backtest errors: the
     * baseline a capacity plan is compared with, to show how much the chosen model changes it.
     *
     * @throws IllegalArgumentException as {@link #forecast}
     */
    public static Forecast seasonalNaive(TimeSeries history, int horizonSteps, double level) {
        Split split = Split.of(history, horizonSteps, level);
        double[] y = split.y();
        int n = y.length;
        int[] origins = split.origins();
        ForecastModel model = new SeasonalNaive(1);
        for (ForecastModel candidate : ModelCatalog.candidates(history.step())) {
            if (candidate instanceof SeasonalNaive naive && naive.period() > 1
                    && naive.accepts(y, origins[0]) && n >= 2 * naive.period()) {
                model = candidate;
            }
        }
        Backtest backtest = Backtest.run(model, y, origins, split.testHorizon(), split.scalePeriod());
        double[] mean = model.fit(y, n, horizonSteps).forecast(y, n, horizonSteps);
        EmpiricalInterval interval = localInterval(backtest.errors(), origins, y, split.scalePeriod(), level);
        return split.forecast(model.name(), history, mean, interval,
                List.of(new Forecast.ModelScore(model.name(), backtest.medianMase(), backtest.smape(), true)));
    }

    /** The validated history and its backtest layout: origins one test horizon apart, the MASE scale's period. */
    private record Split(double[] y, int testHorizon, int[] origins, int scalePeriod, double level) {

        static Split of(TimeSeries history, int horizonSteps, double level) {
            Objects.requireNonNull(history, "history");
            double[] y = history.values();
            validate(y, horizonSteps, level);
            int testHorizon = Math.min(horizonSteps, Math.max(1, y.length / 2));
            return new Split(y, testHorizon, Forecaster.origins(y.length, testHorizon),
                    ModelCatalog.scalePeriod(history.step()), level);
        }

        /** The forecast with its interval; the lower bound never below zero for a history that never was. */
        Forecast forecast(String model, TimeSeries history, double[] mean, EmpiricalInterval interval,
                          List<Forecast.ModelScore> scores) {
            double[] lower = new double[mean.length];
            double[] upper = new double[mean.length];
            boolean nonNegative = Arrays.stream(y).allMatch(v -> v >= 0);
            for (int h = 0; h < mean.length; h++) {
                lower[h] = nonNegative ? Math.max(0, interval.lower(h, mean[h])) : interval.lower(h, mean[h]);
                upper[h] = interval.upper(h, mean[h]);
            }
            return new Forecast(model, new TimeSeries(history.end(), history.step(), mean), lower, upper, level,
                    scores);
        }
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

    /** The model this class chooses from the backtests of the single candidates: steps 2 to 5 of the rule above. */
    private static Backtest choose(List<Backtest> singles) {
        Backtest baseline = robustBaseline(singles);
        int count = singles.getFirst().origins().length;
        int recent = Math.max(Math.min(RECENT_ORIGINS, count), count / 2);
        return shrink(bestEligible(singles, baseline, recent), baseline);
    }

    /**
     * The interval from the errors of the whole procedure at origins it had not seen: at each backtest origin
     * {@code k ≥ }{@value #HONEST_FROM}, the model {@link #choose} picks from the origins before {@code k}, scored at
     * {@code k}. The chosen model's own backtest errors are optimistic (it was chosen for having the smallest), and
     * intervals built on them covered 71–89% instead of 95% on public series. With fewer than two such origins, the
     * chosen model's own errors are all there is.
     */
    private static EmpiricalInterval honestInterval(List<Backtest> singles, Backtest chosen, double[] y, int period,
            double level) {
        int count = chosen.origins().length;
        if (count <= HONEST_FROM + 1) {
            return localInterval(chosen.errors(), chosen.origins(), y, period, level);
        }
        double[][] errors = new double[count - HONEST_FROM][];
        for (int k = HONEST_FROM; k < count; k++) {
            int visible = k;
            Backtest pick = choose(singles.stream().map(b -> b.head(visible)).toList());
            errors[k - HONEST_FROM] = replay(pick.model(), singles).errors()[k];
        }
        int[] origins = Arrays.copyOfRange(chosen.origins(), HONEST_FROM, count);
        return localInterval(errors, origins, y, period, level);
    }

    /** The backtest over all origins of {@code model}: one of the singles, or a blend of them. */
    private static Backtest replay(ForecastModel model, List<Backtest> singles) {
        if (model instanceof Ensemble(List<ForecastModel> parts, double[] weights)) {
            List<Backtest> full = parts.stream().map(part -> replay(part, singles)).toList();
            return Backtest.combine(full, weights);
        }
        return singles.stream().filter(b -> b.model().equals(model)).findFirst().orElseThrow();
    }

    /** An interval from {@code errors[k][h]} in units of each origin's volatility over the last week. */
    private static EmpiricalInterval localInterval(double[][] errors, int[] origins, double[] y, int period,
            double level) {
        int window = VOLATILITY_PERIODS * period;
        double[] volatility = new double[origins.length];
        for (int k = 0; k < origins.length; k++) {
            volatility[k] = Accuracy.recentScale(y, origins[k], period, window);
        }
        return EmpiricalInterval.calibrate(errors, volatility, Accuracy.recentScale(y, y.length, period, window),
                level);
    }

    /** The naive, seasonal naive or seasonal median model with the lowest median MASE. */
    private static Backtest robustBaseline(List<Backtest> singles) {
        return singles.stream()
                .filter(b -> Bounded.unwrap(b.model()) instanceof SeasonalNaive
                        || Bounded.unwrap(b.model()) instanceof SeasonalMedian)
                .min(Comparator.comparingDouble(Backtest::medianMase))
                .orElseThrow();
    }

    /**
     * The single model or error-weighted pair with the lowest median MASE among those that do no worse than the
     * baseline over the latest {@code recent} origins; the baseline when none does. The earlier candidate wins a tie.
     */
    private static Backtest bestEligible(List<Backtest> singles, Backtest baseline, int recent) {
        double bar = singles.stream()
                .filter(b -> Bounded.unwrap(b.model()) instanceof SeasonalNaive naive && naive.period() > 1)
                .mapToDouble(b -> b.recentMase(recent)).min().orElse(baseline.recentMase(recent));
        Backtest best = baseline;
        double bestScore = baseline.medianMase();
        for (int i = 0; i < singles.size(); i++) {
            for (int j = i; j < singles.size(); j++) {
                Backtest candidate = i == j ? singles.get(i) : weightedPair(singles.get(i), singles.get(j));
                double score = candidate.medianMase();
                if (score < bestScore && candidate.recentMase(recent) <= bar) {
                    best = candidate;
                    bestScore = score;
                }
            }
        }
        return best;
    }

    /** Two models weighted by the inverse of their backtest MASE (pooled over origins). */
    private static Backtest weightedPair(Backtest a, Backtest b) {
        double wa = 1 / Math.max(a.mase(), 1e-12);
        double wb = 1 / Math.max(b.mase(), 1e-12);
        return Backtest.combine(List.of(a, b), new double[] {wa / (wa + wb), wb / (wa + wb)});
    }

    /**
     * {@code best} blended with {@code baseline} by the weight {@code w} in [0, 1] that minimises the squared scaled
     * backtest error of {@code w·best + (1 − w)·baseline} (a least-squares combination, closed form); {@code best}
     * itself when the weight is 1 or it is the baseline, the baseline when the weight is 0.
     */
    private static Backtest shrink(Backtest best, Backtest baseline) {
        if (best == baseline) {
            return best;
        }
        double[][] eb = baseline.scaledErrors();
        double[][] ec = best.scaledErrors();
        double numerator = 0;
        double denominator = 0;
        for (int k = 0; k < eb.length; k++) {
            for (int h = 0; h < eb[k].length; h++) {
                double d = eb[k][h] - ec[k][h];
                numerator += eb[k][h] * d;
                denominator += d * d;
            }
        }
        double w = denominator > 0 ? Math.clamp(numerator / denominator, 0, 1) : 1;
        double rounded = Math.round(w * 20) / 20.0;   // in steps of 5%: a finer weight is noise, and names stay short
        if (rounded >= 1) {
            return best;
        }
        if (rounded <= 0) {
            return baseline;
        }
        return Backtest.combine(List.of(best, baseline), new double[] {rounded, 1 - rounded});
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

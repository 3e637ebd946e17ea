package io.relia.load.capacity.forecast;

import java.util.List;
import java.util.Objects;

/**
 * A forecast: the chosen model's point forecast and prediction interval over the horizon, and the backtest scores of
 * every model that was considered.
 *
 * @param model  the chosen model's name (e.g. {@code holt-winters-additive(24,168)})
 * @param mean   the point forecast, starting where the history ended, on the history's grid
 * @param lower  lower bound of the prediction interval, one per point of {@code mean}
 * @param upper  upper bound of the prediction interval, one per point of {@code mean}
 * @param level  the interval's nominal coverage, e.g. 0.95
 * @param scores each single candidate's rolling-origin backtest score on the history, and the chosen pair's if
 *               a pair was chosen, best first
 */
public record Forecast(String model, TimeSeries mean, double[] lower, double[] upper, double level,
        List<ModelScore> scores) {

    public Forecast {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(mean, "mean");
        if (lower.length != mean.size() || upper.length != mean.size()) {
            throw new IllegalArgumentException("interval bounds must match the forecast's length");
        }
        lower = lower.clone();
        upper = upper.clone();
        scores = List.copyOf(scores);
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    /**
     * A candidate's backtest result.
     *
     * @param model  the candidate's name
     * @param mase   median over the backtest's origins of the mean absolute scaled error (scaled by the in-sample
     *               seasonal-naive MAE): the score candidates are ranked by
     * @param smape  symmetric mean absolute percentage error, in percent
     * @param chosen whether this is the model the forecast uses
     */
    public record ModelScore(String model, double mase, double smape, boolean chosen) {
    }
}

package io.relia.load.capacity;

import io.relia.load.capacity.forecast.Forecast;
import io.relia.load.capacity.forecast.Forecaster;
import io.relia.load.capacity.forecast.TimeSeries;

/** The forecast engine capacity planning uses; {@link #DEFAULT} chooses a model by backtest ({@link Forecaster}). */
@FunctionalInterface
public interface Forecasting {

    /** The engine of {@code io.relia.load.capacity.forecast}. */
    Forecasting DEFAULT = Forecaster::forecast;

    /**
     * Forecasts {@code horizonSteps} steps after the history's end.
     *
     * @param level nominal coverage of the prediction interval, ratio 0..1
     */
    Forecast forecast(TimeSeries history, int horizonSteps, double level);

    /**
     * The plain seasonal naive forecast of the same steps, the baseline the plan is compared with to show the chosen
     * model's leverage. A default method, so that an engine given as a lambda keeps the engine's own baseline.
     *
     * @param level nominal coverage of the prediction interval, ratio 0..1
     */
    default Forecast seasonalNaive(TimeSeries history, int horizonSteps, double level) {
        return Forecaster.seasonalNaive(history, horizonSteps, level);
    }
}

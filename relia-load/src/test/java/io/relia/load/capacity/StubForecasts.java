package io.relia.load.capacity;

import io.relia.load.capacity.forecast.Forecast;
import io.relia.load.capacity.forecast.TimeSeries;

import java.util.List;

/** Forecasts with known numbers, so that runway and headroom can be checked exactly. */
final class StubForecasts {

    private StubForecasts() {
    }

    /** Mean grows by {@code slope} per step from {@code from}; the interval is mean ± {@code spread}. */
    static Forecasting linear(double from, double slope, double spread) {
        return (history, steps, level) -> {
            double[] mean = new double[steps];
            double[] lower = new double[steps];
            double[] upper = new double[steps];
            for (int i = 0; i < steps; i++) {
                mean[i] = from + slope * i;
                lower[i] = mean[i] - spread;
                upper[i] = mean[i] + spread;
            }
            return new Forecast("stub-linear", new TimeSeries(history.end(), history.step(), mean), lower, upper,
                    level, List.of(new Forecast.ModelScore("stub-linear", 0.5, 4.2, true),
                    new Forecast.ModelScore("naive", 1.5, 12.0, false)));
        };
    }

    /** {@code chosen} as the engine's forecast, and {@code naive}'s, named {@code stub-naive}, as its baseline. */
    static Forecasting withNaive(Forecasting chosen, Forecasting naive) {
        return new Forecasting() {
            @Override
            public Forecast forecast(TimeSeries history, int horizonSteps, double level) {
                return chosen.forecast(history, horizonSteps, level);
            }

            @Override
            public Forecast seasonalNaive(TimeSeries history, int horizonSteps, double level) {
                Forecast forecast = naive.forecast(history, horizonSteps, level);
                return new Forecast("stub-naive", forecast.mean(), forecast.lower(), forecast.upper(), level,
                        List.of());
            }
        };
    }
}

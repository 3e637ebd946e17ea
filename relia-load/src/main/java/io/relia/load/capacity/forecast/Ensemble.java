package io.relia.load.capacity.forecast;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The mean of several models' forecasts: combining reduces the error of any single choice (FPP 13.4, "forecast
 * combinations").
 *
 * @param parts the models averaged, at least two
 */
record Ensemble(List<ForecastModel> parts) implements ForecastModel {

    Ensemble {
        parts = List.copyOf(parts);
        if (parts.size() < 2) {
            throw new IllegalArgumentException("an ensemble needs at least two models");
        }
    }

    @Override
    public String name() {
        return parts.stream().map(ForecastModel::name).collect(Collectors.joining(" + ", "mean(", ")"));
    }

    @Override
    public int minHistory() {
        return parts.stream().mapToInt(ForecastModel::minHistory).max().orElseThrow();
    }

    @Override
    public boolean accepts(double[] y, int n) {
        return parts.stream().allMatch(p -> p.accepts(y, n));
    }

    @Override
    public Fitted fit(double[] y, int n, int horizon) {
        List<Fitted> fitted = parts.stream().map(p -> p.fit(y, n, horizon)).toList();
        return (series, origin, h) -> {
            double[] mean = new double[h];
            for (Fitted f : fitted) {
                double[] part = f.forecast(series, origin, h);
                for (int i = 0; i < h; i++) {
                    mean[i] += part[i] / fitted.size();
                }
            }
            return mean;
        };
    }
}

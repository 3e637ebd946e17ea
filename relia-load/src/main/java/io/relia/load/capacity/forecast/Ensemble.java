package io.relia.load.capacity.forecast;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A weighted mean of several models' forecasts: combining reduces the error of any single choice (FPP 13.4, "forecast
 * combinations"); weights come from each part's out-of-sample (backtest) error, as Bates &amp; Granger (1969) propose.
 *
 * @param parts   the models combined, at least two
 * @param weights each part's weight, positive, summing to 1
 */
record Ensemble(List<ForecastModel> parts, double[] weights) implements ForecastModel {

    Ensemble {
        parts = List.copyOf(parts);
        weights = weights.clone();
        if (parts.size() < 2 || weights.length != parts.size()) {
            throw new IllegalArgumentException("an ensemble needs at least two models, one weight each");
        }
        double sum = Arrays.stream(weights).sum();
        if (Arrays.stream(weights).anyMatch(w -> !(w > 0)) || Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("weights must be positive and sum to 1: " + Arrays.toString(weights));
        }
    }

    /**
     * The weighted mean of {@code models}, with ensembles among them flattened into their parts and a model that
     * appears twice counted once with the sum of its weights: the blend of a blend reads as one list of models.
     */
    static ForecastModel of(List<ForecastModel> models, double[] weights) {
        Map<ForecastModel, Double> flat = new LinkedHashMap<>();
        for (int i = 0; i < models.size(); i++) {
            if (models.get(i) instanceof Ensemble(List<ForecastModel> parts, double[] inner)) {
                for (int j = 0; j < parts.size(); j++) {
                    flat.merge(parts.get(j), weights[i] * inner[j], Double::sum);
                }
            } else {
                flat.merge(models.get(i), weights[i], Double::sum);
            }
        }
        if (flat.size() == 1) {
            return flat.keySet().iterator().next();
        }
        double[] merged = flat.values().stream().mapToDouble(Double::doubleValue).toArray();
        double sum = Arrays.stream(merged).sum();
        for (int i = 0; i < merged.length; i++) {
            merged[i] /= sum;
        }
        return new Ensemble(List.copyOf(flat.keySet()), merged);
    }

    /** The plain mean of {@code parts}. */
    static Ensemble mean(List<ForecastModel> parts) {
        double[] equal = new double[parts.size()];
        Arrays.fill(equal, 1.0 / parts.size());
        return new Ensemble(parts, equal);
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public String name() {
        boolean equal = Arrays.stream(weights).allMatch(w -> Math.abs(w - weights[0]) < 1e-9);
        if (equal) {
            return parts.stream().map(ForecastModel::name).collect(Collectors.joining(" + ", "mean(", ")"));
        }
        return IntStream.range(0, parts.size())
                .mapToObj(i -> String.format(Locale.ROOT, "%.2f %s", weights[i], parts.get(i).name()))
                .collect(Collectors.joining(" + ", "blend(", ")"));
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
            for (int p = 0; p < fitted.size(); p++) {
                double[] part = fitted.get(p).forecast(series, origin, h);
                for (int i = 0; i < h; i++) {
                    mean[i] += weights[p] * part[i];
                }
            }
            return mean;
        };
    }
}

package io.relia.load.capacity;

import io.relia.core.report.ChartData;
import io.relia.load.capacity.ResourceAnalysis.Scenario;
import io.relia.load.capacity.forecast.Forecast;
import io.relia.load.capacity.forecast.TimeSeries;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

/**
 * A resource's forecast as a line chart: history, forecast mean, the interval's bounds, usable capacity, and the
 * runway in the title. History and forecast are bucketed to at most {@link #POINTS} points, keeping each bucket's
 * highest value (lowest for the lower bound): capacity is about peaks.
 */
final class ForecastChart {

    static final int POINTS = 120;

    private ForecastChart() {
    }

    static ChartData of(ResourceAnalysis resource) {
        TimeSeries history = resource.history();
        Forecast forecast = resource.forecast();
        int historyPoints = history.size();
        int total = historyPoints + forecast.mean().size();
        int bucket = Math.max(1, (int) Math.ceil((double) total / POINTS));
        int buckets = (total + bucket - 1) / bucket;
        double[] usage = nan(total);
        double[] mean = nan(total);
        double[] upper = nan(total);
        double[] lower = nan(total);
        double[] growth = nan(total);
        double[] values = history.values();
        System.arraycopy(values, 0, usage, 0, historyPoints);
        System.arraycopy(forecast.mean().values(), 0, mean, historyPoints, forecast.mean().size());
        System.arraycopy(forecast.upper(), 0, upper, historyPoints, forecast.mean().size());
        System.arraycopy(forecast.lower(), 0, lower, historyPoints, forecast.mean().size());
        if (resource.scenarios().size() > 1) {
            double[] grown = resource.scenarios().get(1).mean();
            System.arraycopy(grown, 0, growth, historyPoints, grown.length);
        }
        List<String> categories = new ArrayList<>();
        for (int b = 0; b < buckets; b++) {
            int index = b * bucket;
            Instant at = index < historyPoints ? history.time(index) : forecast.mean().time(index - historyPoints);
            categories.add(Dates.minute(at));
        }
        String unit = resource.resource().unit();
        List<ChartData.Series> series = new ArrayList<>();
        series.add(new ChartData.Series("usage", bucketed(usage, bucket, Math::max), "#1565c0"));
        series.add(new ChartData.Series("forecast", bucketed(mean, bucket, Math::max), "#ef6c00"));
        String level = Recommendations.number(forecast.level() * 100) + "%";
        series.add(new ChartData.Series("upper bound (" + level + ")", bucketed(upper, bucket, Math::max),
                "#ffb74d"));
        series.add(new ChartData.Series("lower bound (" + level + ")", bucketed(lower, bucket, Math::min),
                "#ffe0b2"));
        if (resource.scenarios().size() > 1) {
            series.add(new ChartData.Series(resource.scenarios().get(1).name(), bucketed(growth, bucket, Math::max),
                    "#6a1b9a"));
        }
        resource.usable().ifPresent(usable -> series.add(new ChartData.Series("usable capacity",
                constant(usable, buckets), "#c62828")));
        Scenario baseline = resource.baseline();
        String runway = resource.usable().isEmpty() ? "" : baseline.runway()
                .map(at -> " — runway: " + Dates.day(at)).orElse(" — runway beyond the horizon");
        return new ChartData(resource.resource().name() + runway, ChartData.Kind.LINE, categories, series,
                "time (UTC)", unit.isEmpty() ? "usage" : unit);
    }

    private static double[] nan(int size) {
        double[] out = new double[size];
        java.util.Arrays.fill(out, Double.NaN);
        return out;
    }

    private static List<Double> bucketed(double[] values, int bucket, DoubleBinaryOperator pick) {
        List<Double> out = new ArrayList<>();
        for (int start = 0; start < values.length; start += bucket) {
            double chosen = Double.NaN;
            for (int i = start; i < Math.min(values.length, start + bucket); i++) {
                if (!Double.isNaN(values[i])) {
                    chosen = Double.isNaN(chosen) ? values[i] : pick.applyAsDouble(chosen, values[i]);
                }
            }
            out.add(chosen);
        }
        return out;
    }

    private static List<Double> constant(double value, int size) {
        return java.util.Collections.nCopies(size, value);
    }
}

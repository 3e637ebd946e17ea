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
 * A resource's forecast as a line chart: history, forecast mean, the interval's bounds, seasonal naive's mean for
 * comparison, usable capacity, and the runway in the title. History and forecast are bucketed to at most
 * {@link #POINTS} points, keeping each bucket's highest value (lowest for the lower bound): capacity is about peaks.
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
        List<Instant> times = new ArrayList<>();
        for (int b = 0; b < buckets; b++) {
            int index = b * bucket;
            times.add(index < historyPoints ? history.time(index) : forecast.mean().time(index - historyPoints));
        }
        String unit = resource.resource().unit();
        String level = Recommendations.number(forecast.level() * 100) + "%";
        ChartData.Builder chart = ChartData.builder(resource.resource().name() + runway(resource),
                ChartData.Kind.LINE, ChartData.Domain.times(times), ChartData.ValueAxis.amount("usage", unit))
                .series("usage", bucketed(usage, bucket, Math::max), "#1565c0")
                .series("forecast", bucketed(mean, bucket, Math::max), "#ef6c00")
                .series("upper bound (" + level + ")", bucketed(upper, bucket, Math::max), "#f57c00")
                .series("lower bound (" + level + ")", bucketed(lower, bucket, Math::min), "#ffa726");
        if (resource.scenarios().size() > 1) {
            chart.series(resource.scenarios().get(1).name(), bucketed(growth, bucket, Math::max), "#6a1b9a");
        }
        // Seasonal naive's mean in grey, last: the comparison, drawn so that it does not compete with the forecast.
        // A short name (the report's line names the model) keeps the text chart's sparklines wide.
        double[] naive = nan(total);
        double[] naiveMean = resource.leverage().naive().mean();
        System.arraycopy(naiveMean, 0, naive, historyPoints, naiveMean.length);
        chart.series("seasonal naive", bucketed(naive, bucket, Math::max), "#757575");
        // The line at the value the report's table shows (563 req/s), not at the unrounded product.
        resource.usable().ifPresent(usable -> chart.reference(Double.parseDouble(Recommendations.number(usable)
                .replace(",", "")), "usable capacity", "#c62828"));
        return chart.build();
    }

    private static String runway(ResourceAnalysis resource) {
        Scenario baseline = resource.baseline();
        return resource.usable().isEmpty() ? "" : baseline.runway()
                .map(at -> " — runway: " + Dates.day(at)).orElse(" — runway beyond the horizon");
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
}

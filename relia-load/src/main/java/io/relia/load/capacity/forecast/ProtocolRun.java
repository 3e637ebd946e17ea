package io.relia.load.capacity.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The forecast accuracy protocol of {@code shared/research/forecast-protocol.md} on one hourly series: {@code N =
 * min(14, D − 7)} daily origins at the end, a 24-hour forecast from each using only the history before it, MASE scaled
 * per origin by the in-sample daily seasonal naive MAE, and sMAPE, pooled over all test hours and over the hours
 * outside the anomaly windows.
 *
 * @param origins  the origins' indices into the hourly series
 * @param mase     MASE over all test hours
 * @param smape    sMAPE over all test hours, in percent
 * @param maseOut  MASE over test hours outside the anomaly windows
 * @param smapeOut sMAPE over test hours outside the anomaly windows, in percent
 * @param coverage fraction of test hours inside the forecast's prediction interval (NaN when there is none)
 * @param coverageOut the same over test hours outside the anomaly windows
 * @param models   the model chosen at each origin
 */
record ProtocolRun(int[] origins, double mase, double smape, double maseOut, double smapeOut, double coverage,
        double coverageOut, List<String> models) {

    static final int HORIZON = 24;

    /** Runs {@code forecaster(history, horizon)} from every origin of {@code series}. */
    static ProtocolRun evaluate(NabSeries series, BiFunction<TimeSeries, Integer, Forecast> forecaster) {
        double[] y = series.hourly().values();
        int n = y.length;
        int days = n / HORIZON;
        int originCount = Math.min(14, days - 7);
        if (originCount < 1) {
            throw new IllegalArgumentException(series.name() + " has " + days + " days; the protocol needs 8");
        }
        int[] origins = new int[originCount];
        double[] sums = new double[4];
        int[] counts = new int[2];
        int[] covered = new int[2];
        List<String> models = new ArrayList<>();
        for (int k = 0; k < originCount; k++) {
            int o = n - (originCount - k) * HORIZON;
            origins[k] = o;
            TimeSeries history = new TimeSeries(series.hourly().start(), series.hourly().step(),
                    Arrays.copyOf(y, o));
            Forecast forecast = forecaster.apply(history, HORIZON);
            models.add(forecast.model());
            double[] mean = forecast.mean().values();
            double[] lower = forecast.lower();
            double[] upper = forecast.upper();
            double scale = Accuracy.seasonalNaiveScale(y, o, HORIZON);
            for (int h = 0; h < HORIZON; h++) {
                double actual = y[o + h];
                double scaled = Math.abs(actual - mean[h]) / scale;
                double smape = Accuracy.smapeTerm(actual, mean[h]);
                sums[0] += scaled;
                sums[1] += smape;
                counts[0]++;
                if (!series.anomaly()[o + h]) {
                    sums[2] += scaled;
                    sums[3] += smape;
                    counts[1]++;
                }
                if (actual >= lower[h] && actual <= upper[h]) {
                    covered[0]++;
                    covered[1] += series.anomaly()[o + h] ? 0 : 1;
                }
            }
        }
        return new ProtocolRun(origins, sums[0] / counts[0], sums[1] / counts[0], sums[2] / counts[1],
                sums[3] / counts[1], (double) covered[0] / counts[0], (double) covered[1] / counts[1],
                List.copyOf(models));
    }

    /** The seasonal naive 24-hour baseline under the same protocol, to cross-check an independent implementation. */
    static ProtocolRun seasonalNaive(NabSeries series) {
        return evaluate(series, (history, horizon) -> {
            double[] mean = new SeasonalNaive(HORIZON).fit(history.values(), history.size(), horizon)
                    .forecast(history.values(), history.size(), horizon);
            double[] none = new double[horizon];
            Arrays.fill(none, Double.NaN);
            return new Forecast("snaive(24)", new TimeSeries(history.end(), history.step(), mean), none, none, 0,
                    List.of());
        });
    }

    int testDays() {
        return origins.length;
    }
}

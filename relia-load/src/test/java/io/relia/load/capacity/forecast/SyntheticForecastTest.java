package io.relia.load.capacity.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The forecaster on the synthetic series its rule was frozen on (beside the six shared NAB series): the guard rails
 * must hold whatever the backtest says, and under the accuracy protocol it never does worse than seasonal naive.
 */
class SyntheticForecastTest {

    static List<SyntheticSeries> series() {
        return SyntheticSeries.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("series")
    void neverDoesWorseThanSeasonalNaiveUnderTheProtocol(SyntheticSeries series) {
        NabSeries nab = new NabSeries(series.name(), series.hourly(), new boolean[series.values().length]);

        ProtocolRun relia = ProtocolRun.evaluate(nab, (history, horizon) -> Forecaster.forecast(history, horizon, 0.95));
        ProtocolRun naive = ProtocolRun.seasonalNaive(nab);

        assertThat(relia.mase()).isLessThanOrEqualTo(naive.mase());
        assertThat(relia.coverage()).isBetween(0.85, 1.0);
    }

    @Test
    void choosesNoMultiplicativeModelWhereValuesTouchOrNearZero() {
        for (SyntheticSeries series : List.of(SyntheticSeries.burstyCounter(35, 16), SyntheticSeries.outages(35, 15),
                SyntheticSeries.belowZero(35, 20))) {
            Forecast forecast = Forecaster.forecast(series.hourly(), 24, 0.95);

            assertThat(forecast.scores()).as(series.name()).extracting(Forecast.ModelScore::model)
                    .noneMatch(name -> name.contains("hw-mul"));
        }
        Forecast clear = Forecaster.forecast(SyntheticSeries.businessWeek(35, 12).hourly(), 24, 0.95);
        assertThat(clear.scores()).extracting(Forecast.ModelScore::model).anyMatch(name -> name.contains("hw-mul"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("series")
    void keepsEveryForecastInTheRangeTheHistoryMakesPlausible(SyntheticSeries series) {
        double[] y = series.values();
        double min = Arrays.stream(y).min().orElseThrow();
        double max = Arrays.stream(y).max().orElseThrow();
        int horizon = 90 * 24;

        double[] mean = Forecaster.forecast(series.hourly(), horizon, 0.95).mean().values();

        double allowance = (max - min) * horizon / y.length;
        assertThat(Arrays.stream(mean).min().orElseThrow()).isGreaterThanOrEqualTo(min >= 0 ? 0 : min - allowance);
        assertThat(Arrays.stream(mean).max().orElseThrow()).isLessThanOrEqualTo(max + allowance);
    }

    @Test
    void neverChoosesAModelThatLosesToSeasonalNaiveOnTheLatestOrigins() {
        // three weeks of a steep line (a trend model wins every early origin), then a week of a flat daily cycle
        double[] y = new double[28 * 24];
        for (int t = 0; t < y.length; t++) {
            double season = 20 * Math.sin(2 * Math.PI * (t % 24) / 24);
            y[t] = t < 21 * 24 ? 100 + 2.0 * t : 100 + 2.0 * 21 * 24 + season;
        }

        Forecast forecast = Forecaster.forecast(Synthetic.hourly(y), 24, 0.95);

        assertThat(forecast.model()).doesNotContain("linear");
    }

    /**
     * Writes the synthetic set as NAB CSVs (with an empty {@code combined_windows.json}) into the directory named by
     * {@code -Drelia.syntheticDir=DIR}, for {@code bench/forecast-accuracy.sh DIR}; skipped without it.
     */
    @Test
    void writesTheSetForTheBenchmark() throws IOException {
        String dir = System.getProperty("relia.syntheticDir");
        Assumptions.assumeTrue(dir != null, "set -Drelia.syntheticDir=DIR to write the synthetic series");
        Path out = Files.createDirectories(Path.of(dir));
        Files.writeString(out.resolve("combined_windows.json"), "{}\n", StandardCharsets.UTF_8);
        for (SyntheticSeries series : SyntheticSeries.all()) {
            Files.writeString(out.resolve(series.name() + ".csv"), series.csv(), StandardCharsets.UTF_8);
        }
        assertThat(out.resolve("growth.csv")).exists();
    }
}

package io.relia.load.capacity.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelsTest {

    private static double[] forecast(ForecastModel model, double[] y, int horizon) {
        return model.fit(y, y.length, horizon).forecast(y, y.length, horizon);
    }

    private static double[] signal(int from, int horizon, double level, double slope, double amplitude) {
        double[] s = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            s[h] = Synthetic.dailySineSignal(from + h, level, slope, amplitude);
        }
        return s;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void additiveHoltWintersForecastsADailySineWithTrendWithinTwiceTheNoise(long seed) {
        double[] y = Synthetic.dailySine(24 * 21, 100, 0.05, 20, 1, seed);

        double[] f = forecast(HoltWinters.additive(24, 0, true), y, 24);

        assertThat(Synthetic.maxAbsDifference(f, signal(y.length, 24, 100, 0.05, 20))).isLessThan(3.0);
    }

    @Test
    void multiplicativeHoltWintersForecastsASeasonThatScalesWithTheLevel() {
        Random random = new Random(7);
        double[] y = new double[24 * 21];
        double[] truth = new double[24];
        for (int t = 0; t < y.length + 24; t++) {
            double value = (50 + 0.1 * t) * (1 + 0.3 * Math.sin(2 * Math.PI * t / 24));
            if (t < y.length) {
                y[t] = value * (1 + 0.01 * random.nextGaussian());
            } else {
                truth[t - y.length] = value;
            }
        }

        double[] f = forecast(HoltWinters.multiplicative(24, 0, true), y, 24);

        assertThat(Synthetic.maxAbsDifference(f, truth)).isLessThan(0.06 * 100);
    }

    @Test
    void doubleSeasonalHoltWintersLearnsAWeekdayAndWeekendProfile() {
        Random random = new Random(11);
        int n = 24 * 7 * 6;
        double[] y = new double[n + 48];
        for (int t = 0; t < y.length; t++) {
            boolean weekend = (t / 24) % 7 >= 5;
            y[t] = (weekend ? 40 : 100) + 30 * Math.sin(2 * Math.PI * t / 24);
        }
        double[] history = java.util.Arrays.copyOf(y, n);
        for (int t = 0; t < n; t++) {
            history[t] += random.nextGaussian();
        }

        double[] f = forecast(HoltWinters.additive(24, 168, true), history, 48);

        assertThat(Synthetic.maxAbsDifference(f, java.util.Arrays.copyOfRange(y, n, n + 48))).isLessThan(5.0);
    }

    @Test
    void leastSquaresRecoversTheSlopeAndInterceptOfANoisyLine() {
        Random random = new Random(5);
        double[] y = new double[500];
        for (int t = 0; t < y.length; t++) {
            y[t] = 3 + 0.25 * t + random.nextGaussian();
        }

        double[] line = LinearTrend.fitLine(y, y.length);

        assertThat(line[1]).isCloseTo(0.25, within(0.005));
        assertThat(line[0]).isCloseTo(3, within(0.3));
        assertThat(forecast(new LinearTrend(), y, 2)[1]).isCloseTo(3 + 0.25 * 501, within(0.5));
    }

    @Test
    void seasonalNaiveRepeatsTheLastSeasonOverLongHorizons() {
        double[] y = {9, 9, 1, 2, 3};

        assertThat(forecast(new SeasonalNaive(3), y, 5)).containsExactly(1, 2, 3, 1, 2);
        assertThat(forecast(new SeasonalNaive(1), y, 2)).containsExactly(3, 3);
    }

    @Test
    void seasonalMedianIgnoresOneAbnormalSeason() {
        double[] y = {1, 2, 1, 2, 50, 60, 1, 2};

        assertThat(forecast(new SeasonalMedian(2, 3), y, 2)).containsExactly(1, 2);
    }

    @Test
    void ensembleAveragesItsModels() {
        double[] y = {1, 2, 3, 4};
        Ensemble mean = Ensemble.mean(java.util.List.of(new SeasonalNaive(1), new SeasonalNaive(2)));

        assertThat(forecast(mean, y, 2)).containsExactly(3.5, 4);
        assertThat(mean.name()).isEqualTo("mean(naive + snaive(2))");
    }

    @Test
    void multiplicativeModelsRejectNonPositiveHistories() {
        double[] y = Synthetic.dailySine(24 * 7, 0, 0, 10, 1, 3);

        assertThat(HoltWinters.multiplicative(24, 0, true).accepts(y, y.length)).isFalse();
        assertThat(HoltWinters.additive(24, 0, true).accepts(y, y.length)).isTrue();
    }
}

package io.relia.load.capacity.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ForecasterTest {

    @Test
    void refusesASeriesTooShortToForecast() {
        assertThatThrownBy(() -> Forecaster.forecast(Synthetic.hourly(new double[] {1}), 24, 0.95))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 values");
    }

    @Test
    void refusesGapsAndNonsenseArguments() {
        TimeSeries gap = Synthetic.hourly(new double[] {1, Double.NaN, 3});

        assertThatThrownBy(() -> Forecaster.forecast(gap, 1, 0.95)).hasMessageContaining("resample");
        assertThatThrownBy(() -> Forecaster.forecast(Synthetic.hourly(new double[] {1, 2}), 0, 0.95))
                .hasMessageContaining("horizonSteps");
        assertThatThrownBy(() -> Forecaster.forecast(Synthetic.hourly(new double[] {1, 2}), 1, 1.0))
                .hasMessageContaining("level");
    }

    @Test
    void forecastsFromTwoPointsWithTheNaiveModel() {
        Forecast forecast = Forecaster.forecast(Synthetic.hourly(new double[] {1, 2}), 3, 0.9);

        assertThat(forecast.mean().size()).isEqualTo(3);
        assertThat(forecast.mean().start()).isEqualTo(Synthetic.START.plus(Duration.ofHours(2)));
        assertThat(forecast.scores()).extracting(Forecast.ModelScore::model).contains("naive");
    }

    @Test
    void picksTheWeeklySeasonalNaiveForAnExactlyRepeatingWeek() {
        Random random = new Random(3);
        double[] week = random.doubles(168, 10, 100).toArray();
        double[] y = new double[168 * 5];
        for (int t = 0; t < y.length; t++) {
            y[t] = week[t % 168];
        }

        Forecast forecast = Forecaster.forecast(Synthetic.hourly(y), 24, 0.95);

        assertThat(forecast.model()).isEqualTo("snaive(168)");
        assertThat(forecast.mean().values()).containsExactly(Arrays.copyOf(week, 24));
    }

    @Test
    void picksHoltWintersOverNaiveModelsForANoisyTrendingDailyCycle() {
        double[] y = Synthetic.dailySine(24 * 28, 100, 0.2, 20, 2, 9);

        Forecast forecast = Forecaster.forecast(Synthetic.hourly(y), 24, 0.95);

        assertThat(forecast.model()).contains("hw-");
    }

    @Test
    void scoresEveryCandidateBestFirstAndMarksTheChosenOne() {
        double[] y = Synthetic.dailySine(24 * 28, 100, 0, 20, 2, 4);

        Forecast forecast = Forecaster.forecast(Synthetic.hourly(y), 24, 0.95);

        assertThat(forecast.scores()).filteredOn(Forecast.ModelScore::chosen).singleElement()
                .extracting(Forecast.ModelScore::model).isEqualTo(forecast.model());
        assertThat(forecast.scores()).extracting(Forecast.ModelScore::model)
                .contains("naive", "snaive(24)", "snaive(168)", "linear", "hw-add-damped(24)", "hw-add-damped(24,168)");
        assertThat(forecast.scores()).extracting(Forecast.ModelScore::mase).isSorted();
    }

    @Test
    void skipsCandidatesThatNeedMoreHistory() {
        double[] y = Synthetic.dailySine(24 * 5, 100, 0, 20, 2, 4);

        Forecast forecast = Forecaster.forecast(Synthetic.hourly(y), 24, 0.95);

        assertThat(forecast.scores()).extracting(Forecast.ModelScore::model)
                .contains("hw-add-damped(24)").doesNotContain("snaive(168)", "hw-add-damped(24,168)");
    }

    @Test
    void derivesSeasonsFromTheStep() {
        double[] fiveMinutes = Synthetic.dailySine(288 * 4, 100, 0, 20, 2, 4);
        double[] daily = Synthetic.dailySine(90, 100, 0.1, 0, 2, 4);

        Forecast a = Forecaster.forecast(new TimeSeries(Synthetic.START, Duration.ofMinutes(5), fiveMinutes), 12, 0.9);
        Forecast b = Forecaster.forecast(new TimeSeries(Synthetic.START, Duration.ofDays(1), daily), 7, 0.9);

        assertThat(a.scores()).extracting(Forecast.ModelScore::model).contains("snaive(288)");
        assertThat(b.scores()).extracting(Forecast.ModelScore::model).contains("snaive(7)", "hw-add-damped(7)")
                .noneMatch(name -> name.contains("(1)"));
        assertThat(Arrays.stream(b.mean().values()).allMatch(Double::isFinite)).isTrue();
    }

    @Test
    void intervalsCoverRoughlyTheNominalShareOfASeededSeries() {
        double[] y = Synthetic.dailySine(24 * 40, 100, 0.05, 20, 3, 21);
        int covered = 0;
        int total = 0;
        for (int origin = 24 * 26; origin + 24 <= y.length; origin += 24) {
            Forecast forecast = Forecaster.forecast(Synthetic.hourly(Arrays.copyOf(y, origin)), 24, 0.9);
            double[] lower = forecast.lower();
            double[] upper = forecast.upper();
            for (int h = 0; h < 24; h++) {
                covered += y[origin + h] >= lower[h] && y[origin + h] <= upper[h] ? 1 : 0;
                total++;
            }
        }

        assertThat((double) covered / total).isBetween(0.8, 0.98);
    }
}

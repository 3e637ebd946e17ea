package io.relia.load.capacity.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AccuracyTest {

    @Test
    void smapeCountsAZeroForecastOfAZeroAsNoError() {
        assertThat(Accuracy.smapeTerm(0, 0)).isZero();
        assertThat(Accuracy.smape(new double[] {0, 10}, new double[] {0, 10})).isZero();
    }

    @Test
    void smapeIsTwoHundredTimesTheErrorOverTheSumOfMagnitudes() {
        assertThat(Accuracy.smapeTerm(100, 50)).isCloseTo(200.0 * 50 / 150, within(1e-12));
        assertThat(Accuracy.smapeTerm(0, 5)).isEqualTo(200);
        assertThat(Accuracy.smape(new double[] {100, 0}, new double[] {50, 0})).isCloseTo(100.0 * 50 / 150,
                within(1e-12));
    }

    @Test
    void maseScaleIsTheInSampleSeasonalNaiveMeanAbsoluteError() {
        double[] y = {1, 2, 3, 2, 4, 6};   // lag-3 differences: 1, 2, 3

        assertThat(Accuracy.seasonalNaiveScale(y, 6, 3)).isEqualTo(2);
        assertThat(Accuracy.mase(new double[] {10, 10}, new double[] {12, 6}, 2)).isEqualTo(1.5);
    }

    @Test
    void maseScaleFallsBackToLagOneOnShortHistoriesAndToOneOnConstantOnes() {
        assertThat(Accuracy.seasonalNaiveScale(new double[] {1, 3, 4}, 3, 24)).isEqualTo(1.5);
        assertThat(Accuracy.seasonalNaiveScale(new double[] {5, 5, 5, 5}, 4, 2)).isEqualTo(1);
    }
}

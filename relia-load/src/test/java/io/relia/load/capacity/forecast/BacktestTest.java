package io.relia.load.capacity.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The scores a backtest ranks candidates by, on hand-made forecasts. */
class BacktestTest {

    private static final double[][] ACTUAL = {{10, 10}, {10, 10}, {10, 10}};
    private static final double[] SCALE = {1, 1, 1};

    private static Backtest backtest(int period, double[][] forecast) {
        return new Backtest(new SeasonalNaive(period), new int[] {2, 4, 6}, ACTUAL, forecast, SCALE);
    }

    @Test
    void medianScoreIgnoresOneAbnormalOrigin() {
        Backtest steady = backtest(1, new double[][] {{11, 11}, {11, 11}, {11, 11}});
        Backtest stormy = backtest(2, new double[][] {{10.5, 10.5}, {10.5, 10.5}, {40, 40}});

        assertThat(stormy.mase()).isGreaterThan(steady.mase());
        assertThat(stormy.medianMase()).isLessThan(steady.medianMase());
        assertThat(stormy.medianMase()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void meanOfTwoBacktestsAveragesTheirForecastsAtEveryOrigin() {
        Backtest low = backtest(1, new double[][] {{8, 8}, {8, 8}, {8, 8}});
        Backtest high = backtest(2, new double[][] {{12, 12}, {12, 12}, {12, 12}});

        Backtest mean = Backtest.mean(List.of(low, high));

        assertThat(mean.medianMase()).isZero();
        assertThat(mean.model().name()).isEqualTo("mean(naive + snaive(2))");
    }
}

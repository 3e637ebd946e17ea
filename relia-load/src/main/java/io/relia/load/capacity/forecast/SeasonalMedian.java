package io.relia.load.capacity.forecast;

import java.util.Arrays;

/**
 * The median of the last {@code cycles} seasons at each phase: a seasonal naive forecast that one abnormal season
 * (a holiday, an outage) cannot sway (FPP 5.2's seasonal naive, made robust).
 *
 * @param period the season in steps
 * @param cycles how many past seasons vote, at least 2
 */
record SeasonalMedian(int period, int cycles) implements ForecastModel {

    @Override
    public String name() {
        return "smedian(" + period + "x" + cycles + ")";
    }

    @Override
    public int minHistory() {
        return period * cycles;
    }

    @Override
    public Fitted fit(double[] y, int n, int horizon) {
        return (series, origin, h) -> {
            double[] f = new double[h];
            double[] votes = new double[cycles];
            for (int i = 0; i < h; i++) {
                int phase = origin - period + i % period;
                for (int c = 0; c < cycles; c++) {
                    votes[c] = series[phase - c * period];
                }
                Arrays.sort(votes);
                f[i] = cycles % 2 == 1 ? votes[cycles / 2] : (votes[cycles / 2 - 1] + votes[cycles / 2]) / 2;
            }
            return f;
        };
    }
}

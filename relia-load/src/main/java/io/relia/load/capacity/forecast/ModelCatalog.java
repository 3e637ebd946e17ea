package io.relia.load.capacity.forecast;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The candidate models for a series, their seasonal periods derived from its step. */
final class ModelCatalog {

    private ModelCatalog() {
    }

    /** Steps per {@code season}, or 0 when the step does not divide it or the season would be shorter than 2 steps. */
    static int period(Duration step, Duration season) {
        long stepNanos = step.toNanos();
        long seasonNanos = season.toNanos();
        if (seasonNanos % stepNanos != 0 || seasonNanos / stepNanos < 2) {
            return 0;
        }
        return Math.toIntExact(seasonNanos / stepNanos);
    }

    /** The daily period, or 1 when the step has none (MASE then scales by the naive forecast's error). */
    static int scalePeriod(Duration step) {
        return Math.max(1, period(step, Duration.ofDays(1)));
    }

    /** Every candidate for a series with this step, in a fixed order; callers drop those needing more history. */
    static List<ForecastModel> candidates(Duration step) {
        int daily = period(step, Duration.ofDays(1));
        int weekly = period(step, Duration.ofDays(7));
        List<ForecastModel> models = new ArrayList<>();
        models.add(new SeasonalNaive(1));
        if (daily > 0) {
            models.add(new SeasonalNaive(daily));
        }
        if (weekly > 0) {
            models.add(new SeasonalNaive(weekly));
            models.add(new SeasonalMedian(weekly, 2));
            models.add(new SeasonalMedian(weekly, 3));
            models.add(new SeasonalMedian(weekly, 4));
        }
        models.add(new LinearTrend());
        if (daily > 0) {
            models.add(HoltWinters.additive(daily, 0, true));
            models.add(HoltWinters.multiplicative(daily, 0, true));
            models.add(new HoltWinters(new HoltWintersFilter(daily, 0, false), true, 1));
        }
        if (weekly > 0) {
            models.add(HoltWinters.additive(0, weekly, true));
            models.add(HoltWinters.additive(daily, weekly, true));
            models.add(HoltWinters.multiplicative(daily, weekly, true));
        }
        return models;
    }
}

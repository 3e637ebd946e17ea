package io.relia.core.chart;

import io.relia.core.report.ChartData.Scale;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Ticks of a time axis at round steps: for instants (epoch ms, labelled in UTC: {@code 10:30}, {@code 11-02 06:00},
 * {@code 2026-11-02}) and for seconds since a start ({@code 30 s}, {@code 2 min}, {@code 1 h}). At most
 * {@link #MOST_TICKS} ticks, so the labels of a 760 px chart never overlap.
 *
 * @param scale {@link Scale#TIME} or {@link Scale#ELAPSED}
 * @param min   start of the axis (epoch ms or seconds)
 * @param max   end of the axis, after {@code min}
 * @param step  distance between ticks, in the axis's values
 */
public record TimeScale(Scale scale, double min, double max, double step) {

    static final int MOST_TICKS = 8;
    private static final long SECOND = 1000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final long[] TIME_STEPS = {SECOND, 2 * SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND,
        30 * SECOND, MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR,
        6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY, 91 * DAY, 364 * DAY};
    private static final double[] ELAPSED_STEPS = {0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800,
        3600, 7200, 3 * 3600, 6 * 3600, 12 * 3600, 86400, 2 * 86400, 7 * 86400, 14 * 86400, 28 * 86400,
        91 * 86400, 364 * 86400};
    private static final DateTimeFormatter SECONDS = pattern("HH:mm:ss");
    private static final DateTimeFormatter MINUTES = pattern("HH:mm");
    private static final DateTimeFormatter DAY_MINUTES = pattern("MM-dd HH:mm");
    private static final DateTimeFormatter DATE = pattern("yyyy-MM-dd");

    public TimeScale {
        if (scale != Scale.TIME && scale != Scale.ELAPSED) {
            throw new IllegalArgumentException("a time scale is for TIME or ELAPSED, not " + scale);
        }
        if (!(max > min) || !(step > 0)) {
            throw new IllegalArgumentException("time axis needs min < max and step > 0: " + min + ", " + max);
        }
    }

    private static DateTimeFormatter pattern(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withZone(ZoneOffset.UTC);
    }

    /**
     * The scale from {@code min} to {@code max}; a single instant gets a minute (or a second) on each side.
     */
    public static TimeScale of(Scale scale, double min, double max) {
        if (!(max > min)) {
            double pad = scale == Scale.TIME ? MINUTE : 1;
            min -= pad;
            max += pad;
        }
        double span = max - min;
        double step = 0;
        if (scale == Scale.TIME) {
            for (long candidate : TIME_STEPS) {
                step = candidate;
                if (span / candidate <= MOST_TICKS - 1) {
                    break;
                }
            }
        } else {
            for (double candidate : ELAPSED_STEPS) {
                step = candidate;
                if (span / candidate <= MOST_TICKS - 1) {
                    break;
                }
            }
        }
        return new TimeScale(scale, min, max, step);
    }

    /** The ticks: the multiples of the step (from the epoch, so UTC hours and days) inside the axis. */
    public List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        double first = Math.ceil(min / step - 1e-9) * step;
        for (int i = 0; i <= 1000; i++) {
            double tick = first + i * step;
            if (tick > max + step * 1e-9) {
                break;
            }
            ticks.add(tick);
        }
        return ticks;
    }

    /** A tick label: a UTC time of day, a date, or an elapsed time with its unit. */
    public String label(double value) {
        if (scale == Scale.ELAPSED) {
            if (step >= 86400 && value % 86400 == 0) {
                return Units.format(value / 86400, "d");
            }
            if (step >= 3600 && value % 3600 == 0) {
                return Units.format(value / 3600, "h");
            }
            if (step >= 60 && value % 60 == 0) {
                return Units.format(value / 60, "min");
            }
            return Units.format(Math.round(value * 10) / 10.0, "s");
        }
        Instant at = Instant.ofEpochMilli(Math.round(value));
        if (step >= DAY) {
            return DATE.format(at);
        }
        if (!sameDay()) {
            return DAY_MINUTES.format(at);
        }
        return step < MINUTE ? SECONDS.format(at) : MINUTES.format(at);
    }

    /** The axis title with what the labels leave out: {@code time (UTC), 2026-11-02}. */
    public String title(String title) {
        return scale == Scale.TIME && step < DAY && sameDay()
                ? title + ", " + DATE.format(Instant.ofEpochMilli(Math.round(min))) : title;
    }

    private boolean sameDay() {
        return DATE.format(Instant.ofEpochMilli(Math.round(min)))
                .equals(DATE.format(Instant.ofEpochMilli(Math.round(max))));
    }
}

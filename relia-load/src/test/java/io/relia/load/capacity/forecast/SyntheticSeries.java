package io.relia.load.capacity.forecast;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

/**
 * Seeded synthetic hourly series with the shapes real metrics have and forecasters trip over: daily and weekly
 * seasons (added or multiplied), growth, level shifts, outages to zero, long near-zero stretches of a bursty counter,
 * spikes, a random walk, pure noise and values below zero. Each is built from its parts, so a test knows what a sound
 * forecaster may and may not do with it (no multiplicative model where values touch zero, no runaway trend).
 *
 * @param name   a short name, also the CSV file name
 * @param values hourly values from {@link #START}
 */
record SyntheticSeries(String name, double[] values) {

    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final int DAY = 24;
    private static final int WEEK = 168;
    private static final DateTimeFormatter NAB_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** The fixed set the forecaster's rules were frozen on, beside the six shared NAB series. */
    static List<SyntheticSeries> all() {
        return List.of(
                dailyAdditive(35, 11),
                businessWeek(35, 12),
                growth(35, 13),
                levelShift(35, 14),
                outages(35, 15),
                burstyCounter(35, 16),
                randomWalk(35, 17),
                whiteNoise(35, 18),
                spiky(35, 19),
                belowZero(35, 20),
                businessWeek(15, 21).renamed("business-week-short"),
                burstyCounter(15, 22).renamed("bursty-counter-short"));
    }

    SyntheticSeries renamed(String newName) {
        return new SyntheticSeries(newName, values);
    }

    TimeSeries hourly() {
        return new TimeSeries(START, Duration.ofHours(1), values);
    }

    /** The series as a NAB CSV ({@code timestamp,value}), for the benchmark's statsmodels baselines. */
    String csv() {
        StringBuilder out = new StringBuilder("timestamp,value\n");
        for (int t = 0; t < values.length; t++) {
            out.append(NAB_TIME.format(START.plus(Duration.ofHours(t)))).append(',').append(values[t]).append('\n');
        }
        return out.toString();
    }

    /** Level 100, a daily sine of 30 added, Gaussian noise of 5. */
    static SyntheticSeries dailyAdditive(int days, long seed) {
        Random random = new Random(seed);
        double[] y = new double[days * DAY];
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 + 30 * daily(t) + 5 * random.nextGaussian();
        }
        return new SyntheticSeries("daily-additive", y);
    }

    /** Office traffic: a daily peak multiplied by a weekday factor (weekends at 30%), noise of 5% of the value. */
    static SyntheticSeries businessWeek(int days, long seed) {
        Random random = new Random(seed);
        double[] y = new double[days * DAY];
        for (int t = 0; t < y.length; t++) {
            double signal = 200 * (1 + 0.6 * daily(t)) * weekday(t);
            y[t] = signal * (1 + 0.05 * random.nextGaussian());
        }
        return new SyntheticSeries("business-week", y);
    }

    /** Growth of 1.5% a day, compounding, on a daily and weekly season; noise of 4% of the value. */
    static SyntheticSeries growth(int days, long seed) {
        Random random = new Random(seed);
        double[] y = new double[days * DAY];
        for (int t = 0; t < y.length; t++) {
            double signal = 50 * Math.pow(1.015, t / (double) DAY) * (1 + 0.4 * daily(t)) * (0.85 + 0.15 * weekday(t));
            y[t] = signal * (1 + 0.04 * random.nextGaussian());
        }
        return new SyntheticSeries("growth", y);
    }

    /** A daily season whose level steps up by 40% two thirds of the way in (a new customer, a migration). */
    static SyntheticSeries levelShift(int days, long seed) {
        Random random = new Random(seed);
        double[] y = new double[days * DAY];
        int shift = y.length * 2 / 3 + 7;
        for (int t = 0; t < y.length; t++) {
            double level = t < shift ? 300 : 420;
            y[t] = level + 60 * daily(t) + 12 * random.nextGaussian();
        }
        return new SyntheticSeries("level-shift", y);
    }

    /** A daily season with a few outages of 2–6 hours at zero, one of them in the last week. */
    static SyntheticSeries outages(int days, long seed) {
        Random random = new Random(seed);
        double[] y = dailyAdditive(days, seed).values();
        int n = y.length;
        int[] starts = {n / 5, n / 2, n - 4 * DAY + 5, n - DAY - 9};
        for (int start : starts) {
            int length = 2 + random.nextInt(5);
            for (int t = start; t < Math.min(n, start + length); t++) {
                y[t] = 0;
            }
        }
        return new SyntheticSeries("outages", y);
    }

    /**
     * A network counter that idles near zero (bytes of keep-alives) and bursts for hours at a time, at random: the
     * shape on which multiplicative models run away.
     */
    static SyntheticSeries burstyCounter(int days, long seed) {
        Random random = new Random(seed);
        double[] y = new double[days * DAY];
        boolean busy = false;
        for (int t = 0; t < y.length; t++) {
            if (random.nextDouble() < (busy ? 0.15 : 0.05)) {
                busy = !busy;
            }
            double idle = 0.02 + 0.01 * random.nextDouble();
            y[t] = busy ? 40 * (1 + 0.5 * daily(t)) * (0.5 + random.nextDouble()) : idle;
        }
        return new SyntheticSeries("bursty-counter", y);
    }

    /** A random walk with a small daily season: the last value is the best guess. */
    static SyntheticSeries randomWalk(int days, long seed) {
        Random random = new Random(seed);
        double[] y = new double[days * DAY];
        double level = 500;
        for (int t = 0; t < y.length; t++) {
            level += 4 * random.nextGaussian();
            y[t] = level + 3 * daily(t);
        }
        return new SyntheticSeries("random-walk", y);
    }

    /** Noise around a constant: no season to repeat, the mean is the best guess. */
    static SyntheticSeries whiteNoise(int days, long seed) {
        Random random = new Random(seed);
        double[] y = new double[days * DAY];
        for (int t = 0; t < y.length; t++) {
            y[t] = 70 + 8 * random.nextGaussian();
        }
        return new SyntheticSeries("white-noise", y);
    }

    /** A daily season with rare spikes of 5–10× the level (a batch job, a retry storm). */
    static SyntheticSeries spiky(int days, long seed) {
        Random random = new Random(seed);
        double[] y = dailyAdditive(days, seed).values();
        for (int t = 0; t < y.length; t++) {
            if (random.nextDouble() < 0.01) {
                y[t] *= 5 + 5 * random.nextDouble();
            }
        }
        return new SyntheticSeries("spiky", y);
    }

    /** A net flow around zero (queue growth per hour): values below zero, where no multiplicative model applies. */
    static SyntheticSeries belowZero(int days, long seed) {
        Random random = new Random(seed);
        double[] y = new double[days * DAY];
        for (int t = 0; t < y.length; t++) {
            y[t] = 20 * daily(t) + 5 * (weekday(t) - 0.8) + 4 * random.nextGaussian();
        }
        return new SyntheticSeries("below-zero", y);
    }

    /** A daily cycle in −1..1 peaking mid-afternoon UTC. */
    private static double daily(int t) {
        return Math.sin(2 * Math.PI * ((t % DAY) - 9) / DAY);
    }

    /** 1 on weekdays, 0.3 on Saturday and Sunday (2024-01-01 was a Monday). */
    private static double weekday(int t) {
        return (t % WEEK) / DAY >= 5 ? 0.3 : 1;
    }
}

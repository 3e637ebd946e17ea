package io.relia.load.capacity.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/** Seeded synthetic hourly series for the model tests. */
final class Synthetic {

    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private Synthetic() {
    }

    /** {@code level + slope·t + amplitude·sin(2πt/24)} plus Gaussian noise of {@code sigma}. */
    static double[] dailySine(int n, double level, double slope, double amplitude, double sigma, long seed) {
        Random random = new Random(seed);
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = level + slope * t + amplitude * Math.sin(2 * Math.PI * t / 24) + sigma * random.nextGaussian();
        }
        return y;
    }

    /** The noise-free value of {@link #dailySine} at {@code t}. */
    static double dailySineSignal(int t, double level, double slope, double amplitude) {
        return level + slope * t + amplitude * Math.sin(2 * Math.PI * t / 24);
    }

    static TimeSeries hourly(double[] y) {
        return new TimeSeries(START, Duration.ofHours(1), y);
    }

    static double maxAbsDifference(double[] a, double[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}

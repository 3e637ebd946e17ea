package io.relia.example;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes {@code reliability/history/checkout-requests.om} (OpenMetrics, with timestamps) and
 * {@code checkout-requests.csv}: six hours of checkout's {@code http_requests_total} at one-minute resolution, with
 * a 20-minute spike of 500s in the middle (a bad deploy, rolled back). Deterministic: a fixed seed, JDK only, so
 * {@code java src/test/java/io/relia/example/HistoryGenerator.java reliability/history} regenerates the same bytes.
 */
public final class HistoryGenerator {
    static final Instant START = Instant.parse("2026-11-02T08:00:00Z");
    static final int MINUTES = 360;
    static final int SPIKE_FIRST_MINUTE = 170;
    static final int SPIKE_MINUTES = 20;
    static final long SEED = 20261102L;
    static final String LABELS = "method=\"POST\",route=\"/checkout\",service=\"checkout\",status=\"%s\"";

    /** Error ratio outside the spike, and during it. */
    private static final double BASE_ERROR_RATIO = 0.0005;
    private static final double SPIKE_ERROR_RATIO = 0.08;
    /** Counters at the first sample: the process had been up for a while. */
    private static final long GOOD_AT_START = 812_406;
    private static final long BAD_AT_START = 397;

    /** One scrape: cumulative 200s and 500s at {@code epochSecond}. */
    record Sample(long epochSecond, long good, long bad) {
        long total() {
            return good + bad;
        }
    }

    private HistoryGenerator() {
    }

    /** Writes both files into the directory given as the only argument (default {@code reliability/history}). */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "reliability/history");
        Files.createDirectories(dir);
        List<Sample> samples = samples();
        Files.writeString(dir.resolve("checkout-requests.om"), openMetrics(samples), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("checkout-requests.csv"), csv(samples), StandardCharsets.UTF_8);
        System.out.println("wrote " + samples.size() + " samples per series to " + dir);
    }

    /** The samples, minute 0 to {@link #MINUTES} inclusive. */
    static List<Sample> samples() {
        Random random = new Random(SEED);
        List<Sample> samples = new ArrayList<>();
        long good = GOOD_AT_START;
        long bad = BAD_AT_START;
        for (int minute = 0; minute <= MINUTES; minute++) {
            if (minute > 0) {
                // Morning ramp from ~18 to ~30 requests/s, with noise.
                double rps = 18 + 12.0 * minute / MINUTES + random.nextGaussian() * 1.5;
                long requests = Math.max(0, Math.round(rps * 60));
                boolean spike = minute > SPIKE_FIRST_MINUTE && minute <= SPIKE_FIRST_MINUTE + SPIKE_MINUTES;
                long errors = Math.min(requests, poisson(random, requests * (spike ? SPIKE_ERROR_RATIO
                        : BASE_ERROR_RATIO)));
                good += requests - errors;
                bad += errors;
            }
            samples.add(new Sample(START.getEpochSecond() + 60L * minute, good, bad));
        }
        return samples;
    }

    /** OpenMetrics text: counter family {@code http_requests}, samples {@code http_requests_total}, series by series. */
    static String openMetrics(List<Sample> samples) {
        StringBuilder out = new StringBuilder()
                .append("# HELP http_requests HTTP requests answered, by route, method and status code.\n")
                .append("# TYPE http_requests counter\n");
        String good = "http_requests_total{" + LABELS.formatted("200") + "} ";
        String bad = "http_requests_total{" + LABELS.formatted("500") + "} ";
        samples.forEach(s -> out.append(good).append(s.good()).append(' ').append(s.epochSecond()).append('\n'));
        samples.forEach(s -> out.append(bad).append(s.bad()).append(' ').append(s.epochSecond()).append('\n'));
        return out.append("# EOF\n").toString();
    }

    /** CSV {@code timestamp,good,total}: epoch seconds and cumulative counts, as in the OpenMetrics file. */
    static String csv(List<Sample> samples) {
        StringBuilder out = new StringBuilder("timestamp,good,total\n");
        samples.forEach(s -> out.append(s.epochSecond()).append(',').append(s.good()).append(',')
                .append(s.total()).append('\n'));
        return out.toString();
    }

    /** Knuth's method; fine for the means used here (below a few hundred). */
    private static long poisson(Random random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        long count = 0;
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }
}

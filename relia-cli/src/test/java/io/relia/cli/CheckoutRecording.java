package io.relia.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.function.ToLongFunction;

/**
 * Recorded checkout traffic in OpenMetrics, shaped like the example's history: the counter
 * {@code http_requests_total{route="/checkout",service="checkout",status}} sampled every 2 minutes with 10,000
 * requests a step, of which {@code errors(t)} fail in the step ending at t; counters start at 0.
 */
final class CheckoutRecording {

    static final Duration STEP = Duration.ofMinutes(2);
    static final long REQUESTS_PER_STEP = 10_000;

    private CheckoutRecording() {
    }

    static String of(Instant start, Instant end, ToLongFunction<Instant> errors) {
        StringBuilder good = new StringBuilder();
        StringBuilder bad = new StringBuilder();
        long ok = 0;
        long failed = 0;
        for (Instant t = start; !t.isAfter(end); t = t.plus(STEP)) {
            if (t.isAfter(start)) {
                long step = errors.applyAsLong(t);
                failed += step;
                ok += REQUESTS_PER_STEP - step;
            }
            good.append(sample("200", ok, t));
            bad.append(sample("500", failed, t));
        }
        return "# TYPE http_requests counter\n" + good + bad + "# EOF\n";
    }

    private static String sample(String status, long value, Instant at) {
        return "http_requests_total{route=\"/checkout\",service=\"checkout\",status=\"" + status + "\"} " + value + " "
                + at.getEpochSecond() + "\n";
    }
}

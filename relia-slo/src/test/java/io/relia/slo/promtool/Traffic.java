package io.relia.slo.promtool;

import java.time.Duration;

/**
 * Synthetic request counters of one job, scraped at a fixed interval, written in promtool's expanding notation
 * ({@code 0+60x360 21600+0x10}): {@code http_requests_total{job="...",code="200"}} counts served requests and
 * {@code code="500"} failed ones. Phases follow each other; each says how many requests arrive per scrape interval
 * and how many of them fail.
 */
final class Traffic {

    private final String job;
    private final Duration scrapeInterval;
    private final Counter served = new Counter();
    private final Counter failed = new Counter();
    private Duration elapsed = Duration.ZERO;

    private Traffic(String job, Duration scrapeInterval) {
        if (scrapeInterval.isNegative() || scrapeInterval.isZero()) {
            throw new IllegalArgumentException("scrape interval must be positive: " + scrapeInterval);
        }
        this.job = job;
        this.scrapeInterval = scrapeInterval;
    }

    /** Counters of {@code job} starting at 0 at time 0, one sample every {@code scrapeInterval}. */
    static Traffic of(String job, Duration scrapeInterval) {
        return new Traffic(job, scrapeInterval);
    }

    /** {@code requests} per scrape interval for {@code length}, none failing. */
    Traffic healthy(Duration length, long requests) {
        return serve(length, requests, 0);
    }

    /** {@code requests} per scrape interval for {@code length}, {@code errors} of them failing. */
    Traffic serve(Duration length, long requests, long errors) {
        if (errors < 0 || errors > requests) {
            throw new IllegalArgumentException("errors must be between 0 and " + requests + ": " + errors);
        }
        long scrapes = length.dividedBy(scrapeInterval);
        if (scrapes < 1 || !scrapeInterval.multipliedBy(scrapes).equals(length)) {
            throw new IllegalArgumentException(length + " is not a positive multiple of " + scrapeInterval);
        }
        served.rise(requests - errors, scrapes);
        failed.rise(errors, scrapes);
        elapsed = elapsed.plus(length);
        return this;
    }

    /** Time of the last sample so far: where the next phase starts. */
    Duration elapsed() {
        return elapsed;
    }

    Duration scrapeInterval() {
        return scrapeInterval;
    }

    /** The served-requests series selector. */
    String servedSeries() {
        return "http_requests_total{job=\"" + job + "\",code=\"200\"}";
    }

    /** The failed-requests series selector. */
    String failedSeries() {
        return "http_requests_total{job=\"" + job + "\",code=\"500\"}";
    }

    String servedValues() {
        return served.values();
    }

    String failedValues() {
        return failed.values();
    }

    /** One counter's samples in expanding notation: {@code a+bxn} is the n+1 values a, a+b, ..., a+n*b. */
    private static final class Counter {
        private final StringBuilder values = new StringBuilder();
        private long value;

        void rise(long perScrape, long scrapes) {
            if (values.isEmpty()) {
                // The first phase also writes the sample at time 0.
                values.append(value).append('+').append(perScrape).append('x').append(scrapes);
            } else {
                values.append(' ').append(value + perScrape).append('+').append(perScrape).append('x')
                        .append(scrapes - 1);
            }
            value += perScrape * scrapes;
        }

        String values() {
            return values.toString();
        }
    }
}

package io.relia.chaos.run;

import io.relia.chaos.experiment.Traffic;
import io.relia.core.value.Durations;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The built-in constant-rate traffic source (open model, as wrk2 defines it): sends are scheduled at fixed
 * intended start times whatever the answers do, latency is measured from the intended start (so queueing behind a
 * slow target is counted: no coordinated omission), and a bounded number of requests are in flight; a send that
 * finds the bound reached is not made and counts as missed (an error). Measurements look at a sliding window.
 */
final class TrafficSource implements AutoCloseable {

    private static final long MAX_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(10);
    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    /** Distinct failure reasons kept per slice, so a target failing in ever new ways cannot grow memory. */
    private static final int MAX_REASONS = 16;

    /**
     * Measurements over a window. Latencies in ms; error rate ratio 0..1; throughput req/s; failures: why requests
     * failed ("connection refused to 127.0.0.1:8080", "HTTP 503 from ...") with their counts, most frequent first.
     */
    record Snapshot(long requests, long errors, double p50, double p90, double p95, double p99, double throughput,
                    Duration window, Map<String, Long> failures) {
        Snapshot {
            failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
        }

        double errorRate() {
            return requests == 0 ? 0 : (double) errors / requests;
        }

        double metric(String name) {
            return switch (name) {
                case "p50_latency" -> p50;
                case "p90_latency" -> p90;
                case "p95_latency" -> p95;
                case "p99_latency" -> p99;
                case "error_rate" -> errorRate();
                case "throughput" -> throughput;
                default -> throw new IllegalArgumentException("not a traffic metric: " + name);
            };
        }

        /**
         * What the measurement rests on: "80 requests in the last 4s, 3 failed: HTTP 503 from ...", or with several
         * reasons "..., 5 failed: 3 × HTTP 503 from ...; 2 × connection refused to ...".
         */
        String basis() {
            String base = requests + (requests == 1 ? " request" : " requests") + " in the last "
                    + Durations.format(window);
            if (errors == 0) {
                return base + ", none failed";
            }
            String why = failures.size() == 1 ? failures.keySet().iterator().next() : failures.entrySet().stream()
                    .map(failure -> failure.getValue() + " × " + failure.getKey()).collect(Collectors.joining("; "));
            return base + ", " + errors + " failed: " + why;
        }
    }

    private record Slice(long endNanos, Histogram latencies, long requests, long errors, Map<String, Long> failures) {
    }

    private final Traffic traffic;
    private final HttpClient client;
    private final ExecutorService sends = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore inFlight;
    private final int bound;
    private final Recorder recorder = new Recorder(MAX_LATENCY_MICROS, 3);
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<ConcurrentHashMap<String, AtomicLong>> failures =
            new AtomicReference<>(new ConcurrentHashMap<>());
    private final Deque<Slice> slices = new ArrayDeque<>();
    private final Thread scheduler;
    private final long startNanos;
    private volatile boolean running = true;

    private TrafficSource(Traffic traffic) {
        this.traffic = traffic;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(traffic.timeout())
                .executor(sends)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        // Each request takes at most the timeout, so rate × timeout requests can be in flight when the target is
        // slow; twice that (at least 8, at most 10,000) leaves room without letting a stuck target pile up work.
        long bound = Math.max(8, Math.min(10_000, Math.round(2 * traffic.rate()
                * traffic.timeout().toMillis() / 1000.0)));
        this.bound = (int) bound;
        this.inFlight = new Semaphore(this.bound);
        this.startNanos = System.nanoTime();
        this.scheduler = Thread.ofPlatform().daemon().name("relia-traffic").unstarted(this::schedule);
    }

    /** Starts sending at once. */
    static TrafficSource start(Traffic traffic) {
        TrafficSource source = new TrafficSource(traffic);
        source.scheduler.start();
        return source;
    }

    private void schedule() {
        long periodNanos = Math.round(1e9 / traffic.rate());
        long lastSlice = startNanos;
        for (long i = 0; running; i++) {
            long intended = startNanos + i * periodNanos;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (!running) {
                return;
            }
            if (inFlight.tryAcquire()) {
                send(intended);
            } else {
                countFailure("not sent: " + bound + " requests already waiting for " + Failures.address(traffic.url())
                        + " (the in-flight bound)");
                errors.incrementAndGet();
                requests.incrementAndGet();
            }
            if (System.nanoTime() - lastSlice >= SLICE_NANOS) {
                rollOver();
                lastSlice = System.nanoTime();
            }
        }
    }

    private void send(long intendedNanos) {
        HttpRequest.Builder request = HttpRequest.newBuilder(traffic.url()).timeout(traffic.timeout())
                .method(traffic.method(), traffic.body().isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(traffic.body()));
        traffic.headers().forEach(request::header);
        client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            long micros = Math.min(MAX_LATENCY_MICROS, Math.max(0, (System.nanoTime() - intendedNanos) / 1000));
            recorder.recordValue(micros);
            // Reason, then error, then request: a snapshot that counts the request also sees why it failed.
            if (failure != null) {
                countFailure(Failures.describe(failure, traffic.url(), traffic.timeout(), traffic.timeout()));
                errors.incrementAndGet();
            } else if (response.statusCode() >= 400) {
                countFailure(Failures.status(response.statusCode(), traffic.url()));
                errors.incrementAndGet();
            }
            requests.incrementAndGet();
            inFlight.release();
        });
    }

    /** Counts one failure by its reason; past {@link #MAX_REASONS} distinct reasons a slice counts the rest together. */
    private void countFailure(String reason) {
        ConcurrentHashMap<String, AtomicLong> current = failures.get();
        String key = current.size() >= MAX_REASONS && !current.containsKey(reason) ? "other failures" : reason;
        current.computeIfAbsent(key, ignored -> new AtomicLong()).incrementAndGet();
    }

    /** Closes the current slice of measurements; slices older than the longest window kept are dropped. */
    private synchronized void rollOver() {
        long now = System.nanoTime();
        // Requests, then errors, then reasons: the reverse of the order they are counted in.
        long sliceRequests = requests.getAndSet(0);
        long sliceErrors = errors.getAndSet(0);
        Map<String, Long> reasons = new HashMap<>();
        failures.getAndSet(new ConcurrentHashMap<>()).forEach((reason, count) -> reasons.put(reason, count.get()));
        slices.addLast(new Slice(now, recorder.getIntervalHistogram(), sliceRequests, sliceErrors, reasons));
        long keep = Math.max(traffic.window().toNanos(), TimeUnit.SECONDS.toNanos(60));
        while (!slices.isEmpty() && now - slices.peekFirst().endNanos() > keep) {
            slices.removeFirst();
        }
    }

    /** Measurements over the last {@code window}. */
    synchronized Snapshot snapshot(Duration window) {
        rollOver();
        long now = System.nanoTime();
        Histogram merged = new Histogram(MAX_LATENCY_MICROS, 3);
        long total = 0;
        long failed = 0;
        Map<String, Long> reasons = new HashMap<>();
        for (Slice slice : slices) {
            if (now - slice.endNanos() <= window.toNanos()) {
                merged.add(slice.latencies());
                total += slice.requests();
                failed += slice.errors();
                slice.failures().forEach((reason, count) -> reasons.merge(reason, count, Long::sum));
            }
        }
        double seconds = Math.min(window.toNanos(), now - startNanos) / 1e9;
        Map<String, Long> byCount = new LinkedHashMap<>();
        reasons.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).forEach(entry -> byCount.put(entry.getKey(),
                entry.getValue()));
        return new Snapshot(total, failed, ms(merged, 50), ms(merged, 90), ms(merged, 95), ms(merged, 99),
                seconds <= 0 ? 0 : total / seconds, window, byCount);
    }

    /** Measurements over the configured window. */
    Snapshot snapshot() {
        return snapshot(traffic.window());
    }

    Duration window() {
        return traffic.window();
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    @Override
    public void close() {
        running = false;
        scheduler.interrupt();
        try {
            scheduler.join(Duration.ofSeconds(2));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        client.shutdownNow();
        sends.shutdownNow();
    }
}

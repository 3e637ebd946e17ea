package io.relia.server;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Admits API reads ({@code GET} and {@code HEAD} under {@code /api/}) within {@link ReadLimits} and runs them apart
 * from intake; writes, alert intake and health checks never pass through it. It is a Jetty handler in front of the
 * application ({@link #admission()}).
 *
 * <p>Why this and not a second Jetty connector or thread pool for intake: {@code relia serve} runs every request on
 * its own virtual thread (Javalin's Loom pool), so threads are not what a read flood exhausts. Store connections (4
 * on SQLite, one of them the intake writer's), CPU and heap are, and a separate connector for intake would still
 * share all three. Worse, virtual threads are not preempted: a read that computes for a second (a list of 10,000
 * incidents as JSON) holds its carrier thread, and there are only as many carriers as cores, so a few such reads
 * leave webhooks waiting for a carrier. Hence:
 * <ul>
 * <li>a client's reads beyond its rate or its reads in flight are refused (429) here, before any application code,
 * so a flood of refused reads costs microseconds and no log lines; a read counts as in flight until its answer is
 * sent, so unsent answers are bounded per client;</li>
 * <li>admitted reads run on {@code concurrent} platform threads of their own, which the operating system time-slices
 * with the virtual-thread carriers that serve intake, so reads take at most their share of the CPU and at most
 * {@code concurrent} store connections; at most {@code queued} wait for a thread, each at most {@code maxWait},
 * else 503.</li>
 * </ul>
 * A read's thread is held until its answer is written, so a client reading a large answer slowly delays other reads
 * (up to the connection's idle timeout), never intake.
 */
final class ReadGate implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReadGate.class);
    /** Clients tracked at once; beyond, new addresses share one budget until idle ones are forgotten. */
    private static final int MAX_CLIENTS = 10_000;
    private static final long FORGET_AFTER_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final long SWEEP_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long REPORT_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final String OVERFLOW = "(other clients)";

    private final ReadLimits limits;
    private final ThreadPoolExecutor readers;
    private final Map<String, ClientBudget> clients = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep = new AtomicLong(System.nanoTime());
    private final AtomicLong lastReport = new AtomicLong(System.nanoTime());
    private final AtomicLong refusedSinceReport = new AtomicLong();
    private final Counter refused;

    ReadGate(ReadLimits limits, PrometheusRegistry registry) {
        this.limits = limits;
        this.readers = new ThreadPoolExecutor(limits.concurrent(), limits.concurrent(), 0, TimeUnit.MILLISECONDS,
                limits.queued() == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(limits.queued()),
                Thread.ofPlatform().name("relia-read-", 1).daemon().factory());
        this.refused = Counter.builder()
                .name("relia_http_reads_refused_total")
                .help("API reads refused to keep capacity for intake: rate and in_flight per client (429), busy "
                        + "server-wide (503)")
                .labelNames("reason")
                .register(registry);
    }

    /** The Jetty handler that admits and runs reads; the application is set as its handler. */
    Handler.Wrapper admission() {
        return new Admission();
    }

    /** Stops the read threads after the server stopped taking requests. */
    @Override
    public void close() {
        readers.shutdownNow();
    }

    private static boolean isRead(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    /** Counts a refusal; a warning at most once a minute says how many, rather than a log line per refusal. */
    private void refused(String reason) {
        refused.labelValues(reason).inc();
        long count = refusedSinceReport.incrementAndGet();
        long now = System.nanoTime();
        long last = lastReport.get();
        if (now - last >= REPORT_EVERY_NANOS && lastReport.compareAndSet(last, now)) {
            refusedSinceReport.addAndGet(-count);
            LOG.atWarn().addKeyValue("refused", count).addKeyValue("clients", clients.size())
                    .log("API reads refused to keep capacity for alert intake (relia_http_reads_refused_total)");
        }
    }

    private ClientBudget budgetOf(String address) {
        ClientBudget known = clients.get(address);
        if (known != null) {
            return known;
        }
        if (clients.size() >= MAX_CLIENTS) {
            sweep();
            if (clients.size() >= MAX_CLIENTS) {
                return clients.computeIfAbsent(OVERFLOW, name -> new ClientBudget(limits));
            }
        }
        return clients.computeIfAbsent(address, name -> new ClientBudget(limits));
    }

    /** Forgets clients idle for a minute (their bucket is full again by then); at most once a second. */
    private void sweep() {
        long now = System.nanoTime();
        long last = lastSweep.get();
        if (now - last < SWEEP_EVERY_NANOS || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        clients.values().removeIf(budget -> budget.idleSince(now, FORGET_AFTER_NANOS));
    }

    private static String format(double perSecond) {
        return perSecond == Math.rint(perSecond) ? Long.toString((long) perSecond) : Double.toString(perSecond);
    }

    /** Per-client limits in front of the application, and the read threads. */
    private final class Admission extends Handler.Wrapper {

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            if (!isRead(request.getMethod()) || !request.getHttpURI().getPath().startsWith("/api/")) {
                return super.handle(request, response, callback);
            }
            String address = Request.getRemoteAddr(request);
            ClientBudget client = budgetOf(address);
            long retryAfter = client.take(limits);
            if (retryAfter != 0) {
                boolean rate = retryAfter != ClientBudget.IN_FLIGHT;
                refused(rate ? "rate" : "in_flight");
                refuse(response, callback, 429, rate ? retryAfter : 1, rate
                        ? "too many reads from " + address + " (limit " + format(limits.ratePerSecond())
                        + "/s); retry after " + retryAfter + " s"
                        : "too many reads from " + address + " at once (limit " + limits.inFlight()
                        + "); retry when one is answered");
                return true;
            }
            Request.addCompletionListener(request, failure -> client.done());
            long queued = System.nanoTime();
            try {
                readers.execute(() -> serve(request, response, callback, queued));
            } catch (RejectedExecutionException full) {
                busy(response, callback);
            }
            return true;
        }

        /** On a read thread: the application answers, unless the read waited too long for the thread. */
        private void serve(Request request, Response response, Callback callback, long queued) {
            if (System.nanoTime() - queued > limits.maxWait().toNanos()) {
                busy(response, callback);
                return;
            }
            try {
                if (!super.handle(request, response, callback)) {
                    Response.writeError(request, response, callback, 404);
                }
            } catch (Exception failed) {
                Response.writeError(request, response, callback, failed);
            }
        }

        private void busy(Response response, Callback callback) {
            refused("busy");
            refuse(response, callback, 503, 1, "the server is answering as many reads as it may ("
                    + limits.concurrent() + " at once, " + limits.queued() + " waiting); retry");
        }

        private void refuse(Response response, Callback callback, int status, long retryAfter, String message) {
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
            response.getHeaders().put(HttpHeader.RETRY_AFTER, retryAfter);
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.getHeaders().put("X-Content-Type-Options", "nosniff");
            // The message holds numbers and an IP address only: no character needs escaping.
            response.write(true, ByteBuffer.wrap(("{\"error\":" + status + ",\"message\":\"" + message + "\"}")
                    .getBytes(StandardCharsets.UTF_8)), callback);
        }
    }

    /** A client's token bucket (reads it may start) and count of reads in flight. */
    static final class ClientBudget {
        /** What {@link #take} answers when the client has too many reads in flight. */
        static final long IN_FLIGHT = -1;

        private double tokens;
        private long refilled = System.nanoTime();
        private int inFlight;

        ClientBudget(ReadLimits limits) {
            this.tokens = limits.burst();
        }

        /** 0 when admitted; else seconds until a token is there, or {@link #IN_FLIGHT}. */
        synchronized long take(ReadLimits limits) {
            long now = System.nanoTime();
            tokens = Math.min(limits.burst(), tokens + (now - refilled) / 1e9 * limits.ratePerSecond());
            refilled = now;
            if (inFlight >= limits.inFlight()) {
                return IN_FLIGHT;
            }
            if (tokens < 1) {
                return Math.max(1, (long) Math.ceil((1 - tokens) / limits.ratePerSecond()));
            }
            tokens -= 1;
            inFlight++;
            return 0;
        }

        synchronized void done() {
            inFlight--;
        }

        synchronized boolean idleSince(long now, long idleNanos) {
            return inFlight == 0 && now - refilled > idleNanos;
        }
    }
}

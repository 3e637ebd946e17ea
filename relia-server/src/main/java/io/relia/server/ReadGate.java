package io.relia.server;

import io.javalin.http.Context;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Admits API reads ({@code GET} and {@code HEAD} under {@code /api/}) within {@link ReadLimits}; writes and alert
 * intake never pass through it.
 *
 * <p>Why a budget on reads rather than a second Jetty connector or thread pool for intake: {@code relia serve} runs
 * every request on its own virtual thread (Javalin's Loom pool, one thread per task), so threads are not what a read
 * flood exhausts. Store connections (4 on SQLite, one of them the intake writer's), CPU and heap are, and a separate
 * pool or connector for intake would still share all three. Bounding the reads bounds all three directly, in two
 * places:
 * <ul>
 * <li>{@link #admission()}, a Jetty handler in front of the application, refuses a client's reads beyond its rate
 * or its reads in flight (429) before any application code runs, so a flood of refused reads costs little CPU
 * and no log lines. A read counts as in flight until its answer is sent, so unsent answers (up to 10,000 incidents
 * of JSON) are bounded per client too.</li>
 * <li>{@link #admit}/{@link #finish}, Javalin before- and after-handlers, give at most {@code concurrent} reads a
 * turn at once (the work: store connections and CPU); the others wait on their virtual thread, at most
 * {@code queued} of them, each at most {@code maxWait} (else 503). A turn ends when the handler is done, not when
 * the answer is sent, so a slow reader cannot hold one. Fewer turns than cores also leaves virtual-thread carriers
 * free for intake: virtual threads are not preempted, so a CPU-bound read holds its carrier until it is done.</li>
 * </ul>
 */
final class ReadGate {

    private static final Logger LOG = LoggerFactory.getLogger(ReadGate.class);
    private static final String TURN = "relia.read-turn";
    /** Clients tracked at once; beyond, new addresses share one budget until idle ones are forgotten. */
    private static final int MAX_CLIENTS = 10_000;
    private static final long FORGET_AFTER_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final long SWEEP_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long REPORT_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final String OVERFLOW = "(other clients)";

    private final ReadLimits limits;
    private final Semaphore turns;
    private final AtomicInteger waiting = new AtomicInteger();
    private final Map<String, ClientBudget> clients = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep = new AtomicLong(System.nanoTime());
    private final AtomicLong lastReport = new AtomicLong(System.nanoTime());
    private final AtomicLong refusedSinceReport = new AtomicLong();
    private final Counter refused;

    ReadGate(ReadLimits limits, PrometheusRegistry registry) {
        this.limits = limits;
        this.turns = new Semaphore(limits.concurrent(), true);
        this.refused = Counter.builder()
                .name("relia_http_reads_refused_total")
                .help("API reads refused to keep capacity for intake: rate and in_flight per client (429), busy "
                        + "server-wide (503)")
                .labelNames("reason")
                .register(registry);
    }

    /** The Jetty handler that applies the per-client limits; the application is set as its handler. */
    Handler.Wrapper admission() {
        return new Admission();
    }

    /** Before-handler for {@code /api/*}: waits for a read's turn, or answers 503; other methods pass. */
    void admit(Context ctx) {
        if (!isRead(ctx.method().name())) {
            return;
        }
        Turn turn = new Turn();
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        if (request != null) {
            // Should the after-handler be skipped, the turn still ends with the request.
            Request.addCompletionListener(request, failure -> turn.end());
        }
        if (!turn()) {
            refused("busy");
            ctx.header("Retry-After", "1");
            throw new ApiError(503, "the server is answering as many reads as it may (" + limits.concurrent()
                    + " at once, " + limits.queued() + " waiting); retry");
        }
        turn.held.set(true);
        ctx.attribute(TURN, turn);
    }

    /** After-handler: the read's work is done, so its turn goes to the next one (its answer may still be sending). */
    void finish(Context ctx) {
        Turn turn = ctx.attribute(TURN);
        if (turn != null) {
            turn.end();
        }
    }

    private static boolean isRead(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    private boolean turn() {
        try {
            if (turns.tryAcquire(0, TimeUnit.MILLISECONDS)) {
                return true;
            }
            if (waiting.incrementAndGet() > limits.queued()) {
                waiting.decrementAndGet();
                return false;
            }
            try {
                return turns.tryAcquire(limits.maxWait().toNanos(), TimeUnit.NANOSECONDS);
            } finally {
                waiting.decrementAndGet();
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return false;
        }
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

    /** Per-client limits in front of the application: refused reads are answered here, in a few microseconds. */
    private final class Admission extends Handler.Wrapper {

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            if (!isRead(request.getMethod()) || !request.getHttpURI().getPath().startsWith("/api/")) {
                return super.handle(request, response, callback);
            }
            String address = Request.getRemoteAddr(request);
            ClientBudget client = budgetOf(address);
            long retryAfter = client.take(limits);
            if (retryAfter == 0) {
                Request.addCompletionListener(request, failure -> client.done());
                return super.handle(request, response, callback);
            }
            boolean rate = retryAfter != ClientBudget.IN_FLIGHT;
            refused(rate ? "rate" : "in_flight");
            String message = rate
                    ? "too many reads from " + address + " (limit " + format(limits.ratePerSecond()) + "/s); retry after "
                    + retryAfter + " s"
                    : "too many reads from " + address + " at once (limit " + limits.inFlight() + "); retry when one"
                    + " is answered";
            response.setStatus(429);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
            response.getHeaders().put(HttpHeader.RETRY_AFTER, rate ? retryAfter : 1);
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.getHeaders().put("X-Content-Type-Options", "nosniff");
            // The message holds numbers and an IP address only: no character needs escaping.
            response.write(true, ByteBuffer.wrap(("{\"error\":429,\"message\":\"" + message + "\"}")
                    .getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        }
    }

    /** One read's turn: given back once, by the after-handler or when the request completes. */
    private final class Turn {
        private final AtomicBoolean held = new AtomicBoolean();

        void end() {
            if (held.compareAndSet(true, false)) {
                turns.release();
            }
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

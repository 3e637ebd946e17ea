package io.relia.server;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.server.Request;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Admits API reads within {@link ReadLimits}; writes and alert intake never pass through it.
 *
 * <p>Why a budget on reads rather than a second Jetty connector or thread pool for intake: {@code relia serve} runs
 * every request on its own virtual thread (Javalin's Loom pool, one thread per task), so threads are not what a read
 * flood exhausts. Store connections (4 on SQLite, one of them the intake writer's), CPU and heap are, and a separate
 * pool or connector for intake would still share all three. Bounding how many reads run at once bounds all three
 * directly: at most {@code concurrent} reads hold a store connection and a core, the rest wait on a virtual thread
 * (a few KB each, at most {@code queued} of them) or are refused at once, and each client's in-flight reads count
 * until their answer is sent, so unsent answers (up to 10,000 incidents of JSON) are bounded per client too.
 */
final class ReadGate {

    private static final String TICKET = "relia.read-ticket";
    /** Clients tracked at once; beyond, new addresses share one budget until idle ones are forgotten. */
    private static final int MAX_CLIENTS = 10_000;
    private static final long FORGET_AFTER_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final long SWEEP_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final String OVERFLOW = "(other clients)";

    private final ReadLimits limits;
    private final Semaphore turns;
    private final AtomicInteger waiting = new AtomicInteger();
    private final Map<String, ClientBudget> clients = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep = new AtomicLong(System.nanoTime());
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

    /** Before-handler for {@code /api/*}: admits a read or answers 429/503; other methods pass. */
    void admit(Context ctx) {
        if (!HandlerType.GET.equals(ctx.method()) && !HandlerType.HEAD.equals(ctx.method())) {
            return;
        }
        ClientBudget client = budgetOf(ctx.req().getRemoteAddr());
        long retryAfter = client.take(limits);
        if (retryAfter > 0) {
            boolean rate = retryAfter != ClientBudget.IN_FLIGHT;
            refused.labelValues(rate ? "rate" : "in_flight").inc();
            ctx.header("Retry-After", Long.toString(rate ? retryAfter : 1));
            throw new ApiError(429, rate
                    ? "too many reads from " + ctx.req().getRemoteAddr() + " (limit " + format(limits.ratePerSecond())
                    + "/s); retry after " + retryAfter + " s"
                    : "too many reads from " + ctx.req().getRemoteAddr() + " at once (limit " + limits.inFlight()
                    + "); retry when one is answered");
        }
        Ticket ticket = new Ticket(client);
        ctx.attribute(TICKET, ticket);
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        if (request != null) {
            // The client's read counts until its answer is sent, not only while the handler runs.
            Request.addCompletionListener(request, failure -> ticket.end());
        }
        if (!turn()) {
            refused.labelValues("busy").inc();
            ctx.header("Retry-After", "1");
            throw new ApiError(503, "the server is answering as many reads as it may (" + limits.concurrent()
                    + " at once, " + limits.queued() + " waiting); retry");
        }
        ticket.hasTurn.set(true);
    }

    /** After-handler: the read's work is done, so its turn goes to the next one (its answer may still be sending). */
    void finish(Context ctx) {
        Ticket ticket = ctx.attribute(TICKET);
        if (ticket == null) {
            return;
        }
        ticket.releaseTurn();
        if (ServletContextRequest.getServletContextRequest(ctx.req()) == null) {
            ticket.end();
        }
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

    /** One admitted read: gives back its turn once and its place in the client's in-flight count once. */
    private final class Ticket {
        private final ClientBudget client;
        private final AtomicBoolean hasTurn = new AtomicBoolean();
        private final AtomicBoolean ended = new AtomicBoolean();

        Ticket(ClientBudget client) {
            this.client = client;
        }

        void releaseTurn() {
            if (hasTurn.compareAndSet(true, false)) {
                turns.release();
            }
        }

        void end() {
            releaseTurn();
            if (ended.compareAndSet(false, true)) {
                client.done();
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

package io.relia.example;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * {@code POST /payments}: captures a charge after {@code latency}, or answers 503 for a {@code failureRate} share
 * of requests, so chaos and load tests can shape the dependency checkout calls.
 */
final class PaymentsHandler implements HttpHandler {
    private final double failureRate;
    private final Duration latency;
    /** Shared by worker threads; {@link java.util.Random} is thread-safe. */
    private final RandomGenerator random;
    private final AtomicLong captured = new AtomicLong();

    /**
     * @param failureRate share of requests answered 503, ratio 0..1
     * @param latency     delay before every answer
     * @param random      draws which requests fail
     */
    PaymentsHandler(double failureRate, Duration latency, RandomGenerator random) {
        this.failureRate = failureRate;
        this.latency = latency;
        this.random = random;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            JsonHttp.requireMethod(exchange, "POST");
            Charge charge = JsonHttp.read(exchange, Charge.class);
            work();
            if (random.nextDouble() < failureRate) {
                exchange.getResponseHeaders().set("Retry-After", "1");
                throw new RequestRejected(503, "payments temporarily unavailable");
            }
            String id = "pay-%06d".formatted(captured.incrementAndGet());
            JsonHttp.send(exchange, 200, new Payment("captured", id, charge.order(), charge.amountCents()));
        } catch (RequestRejected e) {
            JsonHttp.reject(exchange, e);
        }
    }

    /** Stands in for the ledger write and the card network round trip. */
    private void work() throws RequestRejected {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RequestRejected(503, "payments shutting down");
        }
    }
}

package io.relia.server.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real webhook receiver on 127.0.0.1 for tests: answers each call with the next status of its plan (the last
 * repeats), optionally with a Retry-After, and can hold calls until released (at most 20 s) to play a hung chat tool.
 */
final class Receiver implements AutoCloseable {

    /** One request as it arrived; {@code nanos} is {@link System#nanoTime()} on arrival. */
    record Call(String body, Map<String, List<String>> headers, long nanos) {

        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().getFirst()).findFirst().orElseThrow();
        }
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private final AtomicInteger count = new AtomicInteger();
    private volatile List<Integer> plan = List.of(200);
    private volatile Optional<String> retryAfter = Optional.empty();
    private volatile CountDownLatch hold = new CountDownLatch(0);

    Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        server.setExecutor(handlers);
        server.createContext("/hook", this::answer);
        server.start();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            long arrived = System.nanoTime();
            int call = count.getAndIncrement();
            calls.add(new Call(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    Map.copyOf(exchange.getRequestHeaders()), arrived));
            hold.await(20, TimeUnit.SECONDS);
            List<Integer> statuses = plan;
            int status = statuses.get(Math.min(call, statuses.size() - 1));
            retryAfter.ifPresent(value -> exchange.getResponseHeaders().add("Retry-After", value));
            exchange.sendResponseHeaders(status, -1);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    /** Answers these statuses in turn, the last one from then on. */
    Receiver answering(Integer... statuses) {
        plan = List.of(statuses);
        return this;
    }

    Receiver withRetryAfter(String value) {
        retryAfter = Optional.of(value);
        return this;
    }

    /** Holds every call until {@link #release}; returns the latch so a test can check it was not released. */
    CountDownLatch holding() {
        hold = new CountDownLatch(1);
        return hold;
    }

    void release() {
        hold.countDown();
    }

    /** A URL with a token in it, as chat webhook URLs have: it must never show up in a timeline or log. */
    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook?token=SECRET-IN-URL");
    }

    int count() {
        return count.get();
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    Call first() {
        return calls.element();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        handlers.shutdownNow();
    }
}

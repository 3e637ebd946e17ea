package io.relia.slo.live;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

/**
 * A stand-in for Prometheus on 127.0.0.1 that answers what a test scripts: 503 on demand, 401, HTML, silence. A real
 * Prometheus cannot be made to fail that way, so the client's error handling is tested against this. Records every
 * request and the highest number of requests it was serving at once.
 */
final class StubPrometheus implements AutoCloseable {

    /** Longest a {@link #silent()} stub keeps a request waiting before it lets it go anyway. */
    private static final long HANG_SECONDS = 30;

    /**
     * One request as received.
     *
     * @param method  HTTP method
     * @param path    path without query
     * @param headers request headers (names as the server reports them)
     * @param body    the body, UTF-8
     */
    record Request(String method, String path, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    /**
     * One scripted answer.
     *
     * @param status      HTTP status
     * @param contentType Content-Type header
     * @param body        the body
     */
    record Reply(int status, String contentType, String body) {

        static Reply json(int status, String body) {
            return new Reply(status, "application/json", body);
        }

        static Reply success(String data) {
            return json(200, "{\"status\":\"success\",\"data\":" + data + "}");
        }

        static Reply error(int status, String errorType, String error) {
            return json(status, "{\"status\":\"error\",\"errorType\":\"" + errorType + "\",\"error\":\"" + error
                    + "\"}");
        }
    }

    /** Decides the answer to request number {@code number} (1-based). */
    @FunctionalInterface
    interface Script {
        Reply answer(int number, Request request) throws Exception;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicInteger serving = new AtomicInteger();
    private final AtomicInteger mostServing = new AtomicInteger();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final String scheme;

    private StubPrometheus(HttpServer server, String scheme, Script script) {
        this.server = server;
        this.scheme = scheme;
        server.setExecutor(threads);
        server.createContext("/", exchange -> handle(exchange, script));
        server.start();
    }

    /** A plain HTTP stub that never answers (until it closes, bounded by 30 s). */
    static StubPrometheus silent() throws IOException {
        return new StubPrometheus(HttpServer.create(loopback(), 0), "http", null);
    }

    /** A plain HTTP stub. */
    static StubPrometheus http(Script script) throws IOException {
        return new StubPrometheus(HttpServer.create(loopback(), 0), "http", script);
    }

    /** An HTTPS stub presenting the certificate of {@code tls}. */
    static StubPrometheus https(SSLContext tls, Script script) throws IOException {
        HttpsServer server = HttpsServer.create(loopback(), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        return new StubPrometheus(server, "https", script);
    }

    private static InetSocketAddress loopback() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    URI url() {
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The most requests the stub was answering at the same time. */
    int mostConcurrentRequests() {
        return mostServing.get();
    }

    private Reply hang() throws InterruptedException {
        closing.await(HANG_SECONDS, TimeUnit.SECONDS);
        return Reply.json(503, "{}");
    }

    private void handle(HttpExchange exchange, Script script) throws IOException {
        int now = serving.incrementAndGet();
        mostServing.accumulateAndGet(now, Math::max);
        // A request stops counting as served before its answer is sent: once the client has the answer it may send
        // the next request, and counting until after the write made a third request overlap the last bytes of one.
        boolean counted = true;
        try (exchange) {
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int number = received.incrementAndGet();
            requests.add(request);
            Reply reply;
            try {
                reply = script == null ? hang() : script.answer(number, request);
            } catch (Exception e) {
                reply = new Reply(500, "text/plain", "stub script failed: " + e);
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            serving.decrementAndGet();
            counted = false;
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } finally {
            if (counted) {
                serving.decrementAndGet();
            }
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}

package io.relia.chaos.run;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * A real HTTP target on 127.0.0.1: {@code /health} answers 200, or 500 while broken; {@code POST /break} and
 * {@code POST /heal} switch that; every other path is recorded and answers 200.
 */
final class TargetServer implements AutoCloseable {

    private final HttpServer server;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    final CountDownLatch broken = new CountDownLatch(1);
    private volatile boolean failing;

    TargetServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (!path.equals("/health")) {
                calls.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            }
            exchange.getRequestBody().readAllBytes();
            switch (path) {
                case "/break" -> {
                    failing = true;
                    broken.countDown();
                }
                case "/heal" -> failing = false;
                default -> {
                }
            }
            int status = path.equals("/health") && failing ? 500 : 200;
            byte[] body = ("{\"status\":\"" + (status == 200 ? "UP" : "DOWN") + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** Makes {@code /health} fail from now on, without a request. */
    void breakNow() {
        failing = true;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package io.relia.example;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A started JDK HTTP server: instrumented routes, {@code /health}, {@code /metrics} and a 404 for everything else.
 * Closing it stops the server, then its executor, then whatever the service registered to close last.
 */
final class HttpService implements AutoCloseable {
    /** Pending connections the kernel may queue before refusing new ones. */
    private static final int BACKLOG = 128;
    /** How long in-flight exchanges may finish after the server stops accepting, s. */
    private static final int STOP_GRACE_SECONDS = 2;
    private static final long EXECUTOR_DRAIN_SECONDS = 5;

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor;
    private final AutoCloseable closeLast;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HttpService(String name, HttpServer server, ExecutorService executor, AutoCloseable closeLast) {
        this.name = name;
        this.server = server;
        this.executor = executor;
        this.closeLast = closeLast;
    }

    /**
     * Binds, registers the routes (exact paths) and starts serving on the given executor.
     *
     * @param closeLast closed after the server and executor have stopped (a client the handlers use, say)
     */
    static HttpService start(String name, InetSocketAddress address, ExecutorService executor,
                             Map<String, HttpHandler> routes, AutoCloseable closeLast) throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        HttpMetrics metrics = new HttpMetrics(name, registry);
        JsonHttp.warmUp();
        HttpServer server;
        try {
            server = HttpServer.create(address, BACKLOG);
        } catch (IOException e) {
            executor.shutdownNow();
            closeQuietly(name, closeLast);
            throw e;
        }
        server.createContext("/health", new InstrumentedHandler("/health", new HealthHandler(name), metrics));
        routes.forEach((path, handler) -> server.createContext(path, new InstrumentedHandler(path, handler, metrics)));
        server.createContext("/metrics", new MetricsHandler(registry));
        server.createContext("/", new InstrumentedHandler(InstrumentedHandler.UNMATCHED, JsonHttp::notFound, metrics));
        server.setExecutor(executor);
        server.start();
        HttpService service = new HttpService(name, server, executor, closeLast);
        Log.info(name + " listening on " + service.baseUri());
        return service;
    }

    /** The service's name, also the {@code service} label of its metrics. */
    String name() {
        return name;
    }

    /** The bound port; the real one when started on port 0. */
    int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://host:port}, without a trailing slash. */
    URI baseUri() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + port());
    }

    /** Stops accepting, lets in-flight exchanges finish for a short grace period, then releases everything. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Log.info(name + " stopping");
        server.stop(STOP_GRACE_SECONDS);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(EXECUTOR_DRAIN_SECONDS, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        closeQuietly(name, closeLast);
        Log.info(name + " stopped");
    }

    private static void closeQuietly(String name, AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            Log.error(name + ": error while closing", e);
        }
    }
}

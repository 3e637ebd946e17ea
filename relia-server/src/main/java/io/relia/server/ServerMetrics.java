package io.relia.server;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * Relia's own request metrics (RED): one histogram of request duration by method, route template and status, whose
 * count is the request rate and whose status label gives the errors; served at {@code /metrics}.
 */
final class ServerMetrics {

    private static final String STARTED = "relia.started";
    /** Methods that keep their name as a label; any other token a client sends is "other", one series. */
    private static final Set<HandlerType> KNOWN_METHODS = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.POST,
            HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE, HandlerType.OPTIONS, HandlerType.TRACE,
            HandlerType.CONNECT);
    private static final Logger ACCESS = LoggerFactory.getLogger("io.relia.server.access");

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Histogram requests = Histogram.builder()
            .name("relia_http_request_duration_seconds")
            .help("Time to answer an HTTP request of relia serve")
            .labelNames("method", "route", "status")
            .register(registry);

    /** The registry other parts add their metrics to. */
    PrometheusRegistry registry() {
        return registry;
    }

    void start(Context ctx) {
        ctx.attribute(STARTED, System.nanoTime());
    }

    void finish(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started == null) {
            return;
        }
        // The route template, not the path: /api/v1/incidents/{id} stays one series however many incidents exist.
        io.javalin.router.Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        String route = endpoint == null ? "unmatched" : endpoint.path;
        double seconds = (System.nanoTime() - started) / 1e9;
        requests.labelValues(methodLabel(ctx.method()), route, Integer.toString(ctx.statusCode())).observe(seconds);
        // The access log: what, how it ended, how long, who. Never headers or bodies (tokens, webhook URLs).
        if (ACCESS.isInfoEnabled() && !"/metrics".equals(route) && !"/health".equals(route)) {
            ACCESS.atInfo().addKeyValue("method", ctx.method().name()).addKeyValue("path", ctx.path())
                    .addKeyValue("status", ctx.statusCode()).addKeyValue("ms", Math.round(seconds * 1e4) / 10.0)
                    .addKeyValue("actor", Auth.actor(ctx)).log("request");
        }
    }

    /** The method as a label: a client choosing method names must not create series (each one costs memory). */
    static String methodLabel(HandlerType method) {
        return KNOWN_METHODS.contains(method) ? method.name() : "other";
    }

    void scrape(Context ctx) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        ctx.contentType(PrometheusTextFormatWriter.CONTENT_TYPE).result(out.toByteArray());
    }
}

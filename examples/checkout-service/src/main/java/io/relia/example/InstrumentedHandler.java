package io.relia.example;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Set;

/** Serves one exact path with a delegate, counts and times every answer, and turns a bug into a 500. */
final class InstrumentedHandler implements HttpHandler {
    /** Route label for paths no route matches; keeps label values bounded whatever clients send. */
    static final String UNMATCHED = "unmatched";
    private static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE",
            "OPTIONS");

    private final String route;
    private final HttpHandler delegate;
    private final HttpMetrics metrics;

    InstrumentedHandler(String route, HttpHandler delegate, HttpMetrics metrics) {
        this.route = route;
        this.delegate = delegate;
        this.metrics = metrics;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        // A context matches by prefix; only the exact path is this route.
        boolean exact = exchange.getRequestURI().getPath().equals(route);
        String label = exact ? route : UNMATCHED;
        try {
            if (exact) {
                delegate.handle(exchange);
            } else {
                JsonHttp.notFound(exchange);
            }
        } catch (RuntimeException e) {
            Log.error("unhandled error on " + label, e);
            if (exchange.getResponseCode() == -1) {
                JsonHttp.send(exchange, 500, new JsonHttp.ErrorBody("internal error"));
            }
        } finally {
            int status = exchange.getResponseCode();
            if (status > 0) {
                metrics.record(label, method(exchange), status, (System.nanoTime() - start) / 1e9);
            }
            exchange.close();
        }
    }

    private static String method(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        return KNOWN_METHODS.contains(method) ? method : "other";
    }
}

package shop;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.prometheus.metrics.core.metrics.Histogram;
import java.io.IOException;

/** Times and counts every request of the route it wraps, by status: the Histogram's _count is the counter. */
final class Timed implements HttpHandler {
    private static final Histogram DURATION = Histogram.builder().name("http_request_duration_seconds")
            .labelNames("route", "status").register();
    private final String route;
    private final HttpHandler delegate;

    Timed(String route, HttpHandler delegate) {
        this.route = route;
        this.delegate = delegate;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        try {
            delegate.handle(exchange);
        } finally {
            DURATION.labelValues(route, Integer.toString(exchange.getResponseCode()))
                    .observe((System.nanoTime() - start) / 1e9);
        }
    }
}

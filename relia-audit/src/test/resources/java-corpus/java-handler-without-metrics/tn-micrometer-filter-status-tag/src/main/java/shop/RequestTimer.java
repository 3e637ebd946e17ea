package shop;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;

/** A server filter timing every request; the Timer's count by status tag is the request counter. */
final class RequestTimer extends Filter {
    private final MeterRegistry registry;

    RequestTimer(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        Timer.Sample sample = Timer.start(registry);
        try {
            chain.doFilter(exchange);
        } finally {
            sample.stop(registry.timer("http.server.requests", "status",
                    Integer.toString(exchange.getResponseCode())));
        }
    }

    @Override
    public String description() {
        return "times requests";
    }
}

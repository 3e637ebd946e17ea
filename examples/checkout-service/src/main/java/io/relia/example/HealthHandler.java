package io.relia.example;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/** {@code GET /health}: 200 while the server accepts requests; what probes and load balancers ask. */
final class HealthHandler implements HttpHandler {
    private final Health up;

    record Health(String status, String service) {
    }

    HealthHandler(String service) {
        this.up = new Health("up", service);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            JsonHttp.requireMethod(exchange, "GET");
            JsonHttp.send(exchange, 200, up);
        } catch (RequestRejected e) {
            JsonHttp.reject(exchange, e);
        }
    }
}

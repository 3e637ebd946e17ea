package shop;

import io.prometheus.metrics.core.metrics.Counter;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Counts requests, but neither by status nor with their latency: not enough for RED. */
@WebServlet(urlPatterns = {"/orders", "/healthz"})
final class OrdersServlet extends HttpServlet { // expect: java/handler-without-metrics
    private static final Counter REQUESTS = Counter.builder().name("orders_requests_total").register();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        REQUESTS.inc();
        response.setStatus(200);
    }
}

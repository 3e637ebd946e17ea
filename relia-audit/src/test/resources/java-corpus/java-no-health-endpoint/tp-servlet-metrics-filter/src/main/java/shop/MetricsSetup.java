package shop;

import io.prometheus.client.filter.MetricsFilter;

/** Request metrics come from the Prometheus servlet filter; health is still missing. */
final class MetricsSetup {
    static MetricsFilter filter() {
        return new MetricsFilter("http_requests", "HTTP requests", 0, null, false);
    }
}

package io.relia.example;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;

/** The RED metrics of one service: request count by status and request duration, labelled by route and method. */
final class HttpMetrics {
    /** Classic buckets, s; 0.1, 0.25, 0.5 and 1 are the ones the SLOs and alerts use. */
    static final double[] DURATION_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final Counter requests;
    private final Histogram duration;

    HttpMetrics(String service, PrometheusRegistry registry) {
        Labels serviceLabel = Labels.of("service", service);
        requests = Counter.builder()
                .name("http_requests_total")
                .help("HTTP requests answered, by route, method and status code.")
                .constLabels(serviceLabel)
                .labelNames("route", "method", "status")
                .register(registry);
        duration = Histogram.builder()
                .name("http_request_duration_seconds")
                .help("Time from request received to response written, s.")
                .constLabels(serviceLabel)
                .labelNames("route", "method")
                .classicOnly()
                .classicUpperBounds(DURATION_BUCKETS)
                .register(registry);
    }

    /** Records one answered request; {@code status} is the HTTP status code sent. */
    void record(String route, String method, int status, double seconds) {
        requests.labelValues(route, method, Integer.toString(status)).inc();
        duration.labelValues(route, method).observe(seconds);
    }
}

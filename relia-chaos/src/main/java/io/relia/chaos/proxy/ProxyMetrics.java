package io.relia.chaos.proxy;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The proxy's Prometheus metrics. Byte counters keep Toxiproxy's names and labels
 * ({@code toxiproxy_proxy_received_bytes_total{direction,listener,proxy,upstream}}) so its dashboards work;
 * connections and toxic activations are Relia's own.
 */
final class ProxyMetrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter received = Counter.builder().name("toxiproxy_proxy_received_bytes_total")
            .help("Bytes the proxy read, by direction (upstream = from the client)")
            .labelNames("direction", "listener", "proxy", "upstream").register(registry);
    private final Counter sent = Counter.builder().name("toxiproxy_proxy_sent_bytes_total")
            .help("Bytes the proxy wrote, by direction (upstream = to the server)")
            .labelNames("direction", "listener", "proxy", "upstream").register(registry);
    private final Counter connections = Counter.builder().name("relia_chaos_proxy_connections_total")
            .help("Client connections accepted").labelNames("proxy").register(registry);
    private final Gauge open = Gauge.builder().name("relia_chaos_proxy_open_connections")
            .help("Client connections open now").labelNames("proxy").register(registry);
    private final Counter refused = Counter.builder().name("relia_chaos_proxy_refused_connections_total")
            .help("Client connections refused at a cap (reason: proxy_cap, process_cap)")
            .labelNames("proxy", "reason").register(registry);
    private final Counter activations = Counter.builder().name("relia_chaos_toxic_activations_total")
            .help("Times a toxic started acting on a connection direction (after its toxicity roll and scope)")
            .labelNames("proxy", "toxic", "type", "stream").register(registry);

    /** Counters for one direction of one proxy as it is configured now. */
    LinkCounters link(Stream stream, String listener, String proxy, String upstream) {
        CounterDataPoint in = received.labelValues(stream.wire(), listener, proxy, upstream);
        CounterDataPoint out = sent.labelValues(stream.wire(), listener, proxy, upstream);
        return new LinkCounters() {
            @Override
            public void received(long bytes) {
                in.inc(bytes);
            }

            @Override
            public void sent(long bytes) {
                out.inc(bytes);
            }
        };
    }

    void opened(String proxy) {
        connections.labelValues(proxy).inc();
        open.labelValues(proxy).inc();
    }

    void closed(String proxy) {
        open.labelValues(proxy).dec();
    }

    void refused(String proxy, String reason) {
        refused.labelValues(proxy, reason).inc();
    }

    void activated(String proxy, ToxicSpec toxic) {
        activations.labelValues(proxy, toxic.name(), toxic.type().wire(), toxic.stream().wire()).inc();
    }

    /** The Prometheus text exposition format, version 0.0.4. */
    byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String contentType() {
        return PrometheusTextFormatWriter.CONTENT_TYPE;
    }
}

package io.relia.chaos.proxy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The toxics the proxy knows, with their attributes in the order Toxiproxy lists them. Times are milliseconds
 * except {@code slicer.delay} (microseconds); {@code bandwidth.rate} is KB/s with 1 KB = 1000 bytes.
 */
enum ToxicType {
    LATENCY("latency", Attribute.integer("latency"), Attribute.integer("jitter")),
    BANDWIDTH("bandwidth", Attribute.integer("rate")),
    SLOW_CLOSE("slow_close", Attribute.integer("delay")),
    TIMEOUT("timeout", Attribute.integer("timeout")),
    RESET_PEER("reset_peer", Attribute.integer("timeout")),
    SLICER("slicer", Attribute.integer("average_size"), Attribute.integer("size_variation"),
            Attribute.integer("delay")),
    LIMIT_DATA("limit_data", Attribute.integer("bytes")),
    NOOP("noop"),
    /** Relia: drops whole chunks (data is lost, not retransmitted): {@code loss_rate} and {@code correlation} 0..1. */
    // Relia: drops whole chunks (data is lost, not retransmitted); loss_rate and correlation are ratios 0..1.
    PACKET_LOSS("packet_loss", Attribute.ratio("loss_rate"), Attribute.ratio("correlation")),
    // Relia, http proxies only; toxicity is rolled per request. Answers the request itself with `status`.
    HTTP_STATUS("http_status", Attribute.integer("status")),
    // Relia, http proxies only: holds each request `latency` ± `jitter` ms before forwarding it.
    HTTP_LATENCY("http_latency", Attribute.integer("latency"), Attribute.integer("jitter")),
    // Relia, http proxies only: forwards the response head and `bytes` bytes of its body, then closes.
    HTTP_ABORT("http_abort", Attribute.integer("bytes"));

    /** One attribute: its name and whether it is an integer or a ratio 0..1. */
    record Attribute(String name, boolean isRatio) {
        static Attribute integer(String name) {
            return new Attribute(name, false);
        }

        static Attribute ratio(String name) {
            return new Attribute(name, true);
        }
    }

    private final String wire;
    private final List<Attribute> attributes;

    ToxicType(String wire, Attribute... attributes) {
        this.wire = wire;
        this.attributes = List.of(attributes);
    }

    String wire() {
        return wire;
    }

    List<Attribute> attributes() {
        return attributes;
    }

    /** True for the toxics that act on HTTP/1.1 requests and need a proxy in {@code http} mode. */
    boolean isHttp() {
        return wire.startsWith("http_");
    }

    static Optional<ToxicType> parse(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst();
    }
}

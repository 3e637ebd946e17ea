package io.relia.chaos.proxy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The toxics the proxy knows, with their attributes in the order Toxiproxy lists them. Times are milliseconds
 * except {@code slicer.delay} (microseconds); {@code bandwidth.rate} is KB/s with 1 KB = 1000 bytes. Every integer
 * attribute has a range the stages' nanosecond and byte arithmetic stays exact in (see {@link Attribute}).
 */
enum ToxicType {
    LATENCY("latency", Attribute.millis("latency"), Attribute.millis("jitter")),
    BANDWIDTH("bandwidth", Attribute.integer("rate", Attribute.MAX_RATE, "KB/s")),
    SLOW_CLOSE("slow_close", Attribute.millis("delay")),
    TIMEOUT("timeout", Attribute.millis("timeout")),
    RESET_PEER("reset_peer", Attribute.millis("timeout")),
    SLICER("slicer", Attribute.integer("average_size", Attribute.MAX_SLICE, "bytes"),
            Attribute.integer("size_variation", Attribute.MAX_SLICE, "bytes"),
            Attribute.integer("delay", Attribute.MAX_MICROS, "µs")),
    LIMIT_DATA("limit_data", Attribute.integer("bytes", Attribute.MAX_BYTES, "bytes")),
    NOOP("noop"),
    // Relia: drops whole chunks (data is lost, not retransmitted); loss_rate and correlation are ratios 0..1.
    PACKET_LOSS("packet_loss", Attribute.ratio("loss_rate"), Attribute.ratio("correlation")),
    // Relia, http proxies only; toxicity is rolled per request. Answers the request itself with `status`.
    HTTP_STATUS("http_status", Attribute.httpStatus("status")),
    // Relia, http proxies only: holds each request `latency` ± `jitter` ms before forwarding it.
    HTTP_LATENCY("http_latency", Attribute.millis("latency"), Attribute.millis("jitter")),
    // Relia, http proxies only: forwards the response head and `bytes` bytes of its body, then closes.
    HTTP_ABORT("http_abort", Attribute.integer("bytes", Attribute.MAX_BYTES, "bytes"));

    /**
     * One attribute: its name, whether it is an integer or a ratio, the range of values taken and how an error
     * names that range.
     */
    record Attribute(String name, boolean isRatio, long min, long max, String expected) {
        /**
         * Times: one hour. A timed toxic's queue holds at most {@link Link#PAUSE_CHUNKS} plus one read's pieces,
         * so the due times it sums stay below 2^17 × 3.6 × 10^12 ns, far inside a long.
         */
        static final long MAX_MILLIS = 3_600_000L;
        static final long MAX_MICROS = MAX_MILLIS * 1000;
        /** 1 TB/s: {@code rate × 100} (a 100 ms slice) and {@code bytes × 10^6 / rate} stay inside a long. */
        static final long MAX_RATE = 1_000_000_000L;
        /** 1 GiB: pieces are cut with int arithmetic; any size above a read's (64 KiB) cuts nothing anyway. */
        static final long MAX_SLICE = 1L << 30;
        /** 2^53 − 1: the largest integer every JSON client reads back exactly. */
        static final long MAX_BYTES = (1L << 53) - 1;

        Attribute {
            if (min > max) {
                throw new IllegalArgumentException("an attribute's range must not be empty: " + name);
            }
        }

        static Attribute integer(String name, long max, String unit) {
            return new Attribute(name, false, 0, max, "a whole number 0.." + max + " (" + unit + ")");
        }

        static Attribute millis(String name) {
            return integer(name, MAX_MILLIS, "ms");
        }

        static Attribute ratio(String name) {
            return new Attribute(name, true, 0, 1, "a number between 0 and 1");
        }

        static Attribute httpStatus(String name) {
            return new Attribute(name, false, 100, 599, "an HTTP status 100..599");
        }

        /** Whether {@code value} (a Long for integers, a Double for ratios) is inside the range. */
        boolean allows(Number value) {
            if (isRatio) {
                double ratio = value.doubleValue();
                return ratio >= min && ratio <= max;
            }
            return value instanceof Long whole && whole >= min && whole <= max;
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

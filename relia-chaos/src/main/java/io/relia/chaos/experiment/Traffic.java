package io.relia.chaos.experiment;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The built-in traffic source's settings (native extension {@code traffic:}): what it calls at a constant rate
 * while the experiment runs; its measurements are the steady-state metrics.
 *
 * @param url     the URL called
 * @param method  HTTP method
 * @param headers request headers
 * @param body    request body, may be empty
 * @param rate    requests per second, 0.1..10000
 * @param timeout bound on one request (connect and answer); a request over it counts as an error
 * @param window  how far back a measurement looks (default 5 s)
 */
public record Traffic(URI url, String method, Map<String, String> headers, String body, double rate,
                      Duration timeout, Duration window) {

    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(5);

    public Traffic {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(method, "method");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
        if (!(rate >= 0.1 && rate <= 10_000)) {
            throw new IllegalArgumentException("the traffic rate is 0.1..10000 req/s: " + rate);
        }
        if (timeout.isNegative() || timeout.isZero() || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("timeout and window are positive");
        }
    }
}

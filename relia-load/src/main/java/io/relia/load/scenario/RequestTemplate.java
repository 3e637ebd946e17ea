package io.relia.load.scenario;

import io.relia.core.Location;

import java.util.List;
import java.util.Objects;

/**
 * One kind of request in a scenario's mix. Path, header values and body may hold {@code ${column}} placeholders that
 * take values from the scenario's {@link VariableTable}, one row per request, rows in turn.
 *
 * @param name     a label for per-request statistics (defaults to {@code METHOD path})
 * @param method   HTTP method, upper case
 * @param path     path and query, starting with {@code /}
 * @param headers  extra headers in order (Host, Content-Length and Connection are set by the client)
 * @param body     the body, empty for none
 * @param weight   relative weight in the mix (positive)
 * @param location where it was declared, for errors ({@code null} for a command-line request)
 */
public record RequestTemplate(String name, String method, String path, List<Header> headers, String body,
        double weight, Location location) {

    public RequestTemplate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        headers = List.copyOf(headers);
        Objects.requireNonNull(body, "body");
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be positive: " + weight);
        }
    }

    /** A plain GET of one path. */
    public static RequestTemplate get(String path) {
        return new RequestTemplate("GET " + path, "GET", path, List.of(), "", 1, null);
    }

    /** Whether any part refers to a variable. */
    public boolean usesVariables() {
        return path.contains("${") || body.contains("${")
                || headers.stream().anyMatch(h -> h.value().contains("${"));
    }

    /** A request header. */
    public record Header(String name, String value) {
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }
}

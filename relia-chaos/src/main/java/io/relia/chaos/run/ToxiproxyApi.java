package io.relia.chaos.run;

import io.relia.core.net.NetworkErrors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A small client of any Toxiproxy-compatible admin API (Toxiproxy itself, or Relia's proxy). Every request has a
 * connect and a request timeout; only connection failures are retried, at most {@link #MAX_RETRIES} times with
 * doubling backoff, because a request that reached the server may have taken effect. Errors carry the server's
 * {@code {"error", "status"}} answer.
 */
public final class ToxiproxyApi implements AutoCloseable {

    /** Retries after a refused or failed connection; a request that got an answer is never repeated. */
    public static final int MAX_RETRIES = 3;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

    private final URI admin;
    private final HttpClient client;

    /** A client of the admin API at {@code admin} ({@code http://127.0.0.1:8474}). */
    public ToxiproxyApi(URI admin) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** An error answer of the admin API, or a failure to reach it ({@link #status()} 0). */
    public static final class ApiError extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String reason;

        ApiError(int status, String request, String reason, Throwable cause) {
            super(request + ": " + reason, cause);
            this.status = status;
            this.reason = reason;
        }

        /** Why it failed, without the request: "HTTP 404: proxy not found", "connection refused to ...". */
        public String reason() {
            return reason;
        }

        /** The HTTP status, or 0 when the server could not be reached. */
        public int status() {
            return status;
        }
    }

    public URI admin() {
        return admin;
    }

    /** Creates a proxy listening on {@code listen} ({@code 127.0.0.1:0} = any free port) in front of {@code upstream}. */
    public Map<String, Object> createProxy(String name, String listen, String upstream)
            throws ApiError, InterruptedException {
        return send("POST", "proxies", Map.of("name", name, "listen", listen, "upstream", upstream));
    }

    /** Creates a toxic; {@code attributes} in the toxic's units (ms, KB/s, ratio). Answers the toxic as JSON. */
    public Map<String, Object> createToxic(String proxy, String name, String type, String stream, double toxicity,
                                           Map<String, ? extends Number> attributes)
            throws ApiError, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("type", type);
        body.put("stream", stream);
        body.put("toxicity", toxicity);
        body.put("attributes", attributes);
        return send("POST", "proxies/" + proxy + "/toxics", body);
    }

    /** Changes a toxic's attributes (merged over the current ones) and toxicity. */
    public Map<String, Object> updateToxic(String proxy, String name, double toxicity,
                                           Map<String, ? extends Number> attributes)
            throws ApiError, InterruptedException {
        return send("POST", "proxies/" + proxy + "/toxics/" + name, Map.of("toxicity", toxicity,
                "attributes", attributes));
    }

    /** Deletes a toxic; false when it was not there (so rollbacks can repeat it safely). */
    public boolean deleteToxic(String proxy, String name) throws ApiError, InterruptedException {
        try {
            send("DELETE", "proxies/" + proxy + "/toxics/" + name, null);
            return true;
        } catch (ApiError error) {
            if (error.status() == 404) {
                return false;
            }
            throw error;
        }
    }

    /** Enables (accepting connections) or disables (refusing them, closing open ones) a proxy. */
    public Map<String, Object> setEnabled(String proxy, boolean enabled) throws ApiError, InterruptedException {
        return send("POST", "proxies/" + proxy, Map.of("enabled", enabled));
    }

    /** Creates a proxy, enabled or not. */
    public Map<String, Object> createProxy(String name, String listen, String upstream, boolean enabled)
            throws ApiError, InterruptedException {
        return send("POST", "proxies", Map.of("name", name, "listen", listen, "upstream", upstream,
                "enabled", enabled));
    }

    /** Changes a proxy's fields ({@code listen}, {@code upstream}, {@code enabled}); answers the proxy. */
    public Map<String, Object> updateProxy(String proxy, Map<String, Object> fields)
            throws ApiError, InterruptedException {
        return send("POST", "proxies/" + proxy, fields);
    }

    /** Deletes a proxy; false when it was not there. */
    public boolean deleteProxy(String proxy) throws ApiError, InterruptedException {
        try {
            send("DELETE", "proxies/" + proxy, null);
            return true;
        } catch (ApiError error) {
            if (error.status() == 404) {
                return false;
            }
            throw error;
        }
    }

    /** {@code POST /reset}: enables every proxy and removes every toxic. */
    public void reset() throws ApiError, InterruptedException {
        send("POST", "reset", null);
    }

    /** A proxy with its toxics: {@code {name, listen, upstream, enabled, toxics}}. */
    public Map<String, Object> proxy(String proxy) throws ApiError, InterruptedException {
        return send("GET", "proxies/" + proxy, null);
    }

    /** The proxy, or empty when the server has none of that name (404). */
    public Optional<Map<String, Object>> findProxy(String proxy) throws ApiError, InterruptedException {
        try {
            return Optional.of(proxy(proxy));
        } catch (ApiError error) {
            if (error.status() == 404) {
                return Optional.empty();
            }
            throw error;
        }
    }

    /**
     * Relia's {@code GET /proxies/{proxy}/connections}: how many connections are open through the proxy; empty when
     * the server does not offer it (Toxiproxy itself answers 404).
     */
    public Optional<Integer> openConnections(String proxy) throws ApiError, InterruptedException {
        try {
            Object connections = send("GET", "proxies/" + proxy + "/connections", null).get("value");
            return connections instanceof List<?> list ? Optional.of(list.size()) : Optional.empty();
        } catch (ApiError error) {
            if (error.status() == 404) {
                return Optional.empty();
            }
            throw error;
        }
    }

    /** {@code GET /version}: answers when the server is a Toxiproxy-compatible admin API and is up. */
    public Map<String, Object> version() throws ApiError, InterruptedException {
        return send("GET", "version", null);
    }

    private Map<String, Object> send(String method, String path, Object body) throws ApiError, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(admin.resolve(rootPath() + path))
                .timeout(REQUEST_TIMEOUT).header("Accept", "application/json")
                .header("User-Agent", "relia-chaos");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(
                    JsonMapper.shared().writeValueAsString(body)));
        }
        HttpResponse<String> response = sendWithRetries(request.build(), method + " " + path);
        if (response.statusCode() >= 300) {
            throw new ApiError(response.statusCode(), method + " " + path, "HTTP " + response.statusCode() + ": "
                    + errorText(response.body()), null);
        }
        return parse(response.body());
    }

    private HttpResponse<String> sendWithRetries(HttpRequest request, String what)
            throws ApiError, InterruptedException {
        long backoff = FIRST_BACKOFF.toMillis();
        for (int attempt = 0; ; attempt++) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (ConnectException refused) {
                if (attempt >= MAX_RETRIES) {
                    throw new ApiError(0, what, reason(refused, request), refused);
                }
                Thread.sleep(backoff);
                backoff *= 2;
            } catch (IOException failed) {
                throw new ApiError(0, what, reason(failed, request), failed);
            }
        }
    }

    private static String reason(IOException failure, HttpRequest request) {
        return Failures.describe(failure, request.uri(), CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }

    private String rootPath() {
        String path = admin.getPath();
        return path == null || path.isEmpty() ? "/" : path.endsWith("/") ? path : path + "/";
    }

    /** The {@code error} of Toxiproxy's {@code {"error": ..., "status": ...}} body, else the body itself. */
    private static String errorText(String body) {
        Map<String, Object> parsed = parse(body);
        Object error = parsed.get("error");
        return error != null ? String.valueOf(error) : body.strip();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String body) {
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        try {
            Object value = JsonMapper.shared().readValue(body, Object.class);
            return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of("value", value);
        } catch (JacksonException notJson) {
            return Map.of();
        }
    }

    @Override
    public void close() {
        client.close();
    }
}

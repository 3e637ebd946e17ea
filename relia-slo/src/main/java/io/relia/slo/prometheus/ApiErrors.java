package io.relia.slo.prometheus;

import io.relia.core.net.NetworkErrors;
import io.relia.slo.query.QueryException;
import io.relia.slo.query.QueryException.Kind;

import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.net.ssl.SSLException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns what went wrong talking to one Prometheus into a {@link QueryException} a user can act on: always naming the
 * server's URL, with Prometheus' own error text where it gave one and a hint where the fix is on the user's side.
 */
final class ApiErrors {

    private static final int EXCERPT = 200;

    private final String server;

    /** Errors about the server at {@code server}, the URL as the user gave it (without credentials). */
    ApiErrors(String server) {
        this.server = server;
    }

    /** The answer to a request for {@code path} had HTTP status {@code status}, other than 200. */
    QueryException forStatus(int status, String path, byte[] body, String location, String query) {
        JsonNode json = json(body);
        String apiError = json == null ? null : json.path("error").stringValue(null);
        String errorType = json == null ? null : json.path("errorType").stringValue(null);
        String detail = apiError != null ? apiError : excerpt(body);
        if ((status == 400 || status == 422) && apiError != null && query != null) {
            return new QueryException(Kind.BAD_QUERY, "Prometheus at " + server + " rejected the query: " + apiError
                    + (errorType == null ? "" : " (" + errorType + ")") + "; query: " + oneLine(query));
        }
        String message = switch (status) {
            case 401, 403 -> "Prometheus at " + server + " answered HTTP " + status
                    + (status == 401 ? " Unauthorized" : " Forbidden") + (detail.isEmpty() ? "" : ": " + detail)
                    + " (hint: give credentials with --bearer-token or --basic-auth)";
            case 404 -> "Prometheus at " + server + " answered HTTP 404 Not Found for " + path
                    + " (hint: the URL must be the server root, like http://host:9090 or its path prefix,"
                    + " not a page such as .../graph)";
            default -> "Prometheus at " + server + " answered HTTP " + status
                    + (status >= 300 && status < 400 && location != null ? " (a redirect to " + location
                    + "; give that URL instead)" : "") + (detail.isEmpty() ? "" : ": " + detail);
        };
        return new QueryException(Kind.HTTP_ERROR, message);
    }

    /** The server answered 200 with something that is not the Prometheus API's JSON. */
    QueryException notTheApi(String path, String contentType, byte[] body) {
        return new QueryException(Kind.BAD_RESPONSE, "Prometheus at " + server + " answered " + path
                + " with something other than the Prometheus API's JSON (" + (contentType == null ? "no content type"
                : contentType) + ": \"" + excerpt(body) + "\"); is the URL the Prometheus server root?");
    }

    /** A well-formed answer that the client cannot use. */
    QueryException badResponse(String what) {
        return new QueryException(Kind.BAD_RESPONSE, "Prometheus at " + server + " " + what);
    }

    /** No answer within {@code timeout}. */
    QueryException timeout(Duration timeout, Throwable cause) {
        return new QueryException(Kind.TIMEOUT, "Prometheus at " + server + " did not answer within "
                + seconds(timeout) + " (hint: query a shorter range or raise the request timeout)", cause);
    }

    /** The caller's thread was interrupted while waiting. */
    QueryException interrupted(InterruptedException cause) {
        return new QueryException(Kind.TIMEOUT, "interrupted while waiting for Prometheus at " + server, cause);
    }

    /** A connection-level failure: refused, unknown host, TLS, reset. */
    QueryException connectionFailure(Throwable failure, Duration connectTimeout) {
        String reason;
        if (has(failure, SSLException.class)) {
            reason = "TLS handshake failed: " + deepestMessage(failure) + " (hint: give the server's CA certificate"
                    + " as a PEM file with --ca-cert)";
        } else if (has(failure, HttpConnectTimeoutException.class)) {
            reason = "connection timed out after " + seconds(connectTimeout);
        } else {
            reason = NetworkErrors.reason(failure);
        }
        return new QueryException(Kind.UNREACHABLE, "cannot reach Prometheus at " + server + ": " + reason, failure);
    }

    /** True for failures worth another attempt: all but TLS, which fails the same way every time. */
    static boolean retryable(Throwable failure) {
        return !has(failure, SSLException.class);
    }

    /** True when {@code failure} is the request timing out (not the connect timeout). */
    static boolean isTimeout(Throwable failure) {
        return failure instanceof HttpTimeoutException && !(failure instanceof HttpConnectTimeoutException);
    }

    /** {@code failure} after {@code attempts} attempts, saying so when there was more than one. */
    static QueryException afterAttempts(QueryException failure, int attempts) {
        if (attempts <= 1) {
            return failure;
        }
        return new QueryException(failure.kind(), failure.getMessage() + " (gave up after " + attempts
                + " attempts)", failure.getCause());
    }

    private static JsonNode json(byte[] body) {
        try {
            JsonNode node = JsonMapper.shared().readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String deepestMessage(Throwable failure) {
        String message = failure.toString();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message;
    }

    private static String excerpt(byte[] body) {
        String text = oneLine(new String(body, 0, Math.min(body.length, EXCERPT * 4), StandardCharsets.UTF_8));
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "...";
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}

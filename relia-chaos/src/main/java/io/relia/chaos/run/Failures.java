package io.relia.chaos.run;

import io.relia.core.net.NetworkErrors;
import io.relia.core.value.Durations;

import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Says why a call to a target failed, in the words an operator acts on: "connection refused to 127.0.0.1:8081",
 * "no answer from http://127.0.0.1:8080/checkout within 2s (timeout)", "HTTP 503 from ..." — never an exception's
 * class name or a Java error number. One place for every HTTP client of the runner (traffic, probes, proxy API).
 */
final class Failures {

    private Failures() {
    }

    /** {@code host:port} of a URL, with the scheme's default port when none is written. */
    static String address(URI url) {
        int port = url.getPort() >= 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        return url.getHost() + ":" + port;
    }

    /** An answer with an error status. */
    static String status(int status, URI url) {
        return "HTTP " + status + " from " + url;
    }

    /**
     * Why a request to {@code url} failed.
     *
     * @param connectTimeout the bound on connecting, for the message
     * @param timeout        the bound on the whole request, for the message
     */
    static String describe(Throwable failure, URI url, Duration connectTimeout, Duration timeout) {
        Throwable cause = unwrap(failure);
        // The JDK client's own timeouts carry the bound that was exceeded; every other socket error is worded by
        // the one place that words them for all of Relia's clients.
        if (cause instanceof HttpConnectTimeoutException) {
            return "no connection to " + address(url) + " within " + Durations.format(connectTimeout)
                    + " (connect timeout)";
        }
        if (cause instanceof HttpTimeoutException) {
            return "no answer from " + url + " within " + Durations.format(timeout) + " (timeout)";
        }
        Optional<String> reason = NetworkErrors.recognised(cause);
        if (reason.isPresent()) {
            return switch (reason.get()) {
                case "unknown host" -> "unknown host " + url.getHost();
                case "connection refused" -> "connection refused to " + address(url);
                case "connection reset by peer" -> "connection reset by " + address(url);
                case "connection closed", "connection closed by peer" -> "connection closed by " + address(url)
                        + " before a complete answer";
                default -> reason.get() + " (" + address(url) + ")";
            };
        }
        String message = NetworkErrors.reason(cause).toLowerCase(Locale.ROOT);
        if (message.contains("no bytes") || message.contains("eof") || message.contains("closed")) {
            return "connection closed by " + address(url) + " before a complete answer";
        }
        return "request to " + url + " failed: " + NetworkErrors.reason(cause);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}

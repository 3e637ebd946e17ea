package io.relia.chaos.run;

import io.relia.core.value.Durations;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;

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
        if (has(cause, UnresolvedAddressException.class) || has(cause, UnknownHostException.class)) {
            return "unknown host " + url.getHost();
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return "no connection to " + address(url) + " within " + Durations.format(connectTimeout)
                    + " (connect timeout)";
        }
        if (cause instanceof HttpTimeoutException) {
            return "no answer from " + url + " within " + Durations.format(timeout) + " (timeout)";
        }
        if (has(cause, ConnectException.class)) {
            return "connection refused to " + address(url);
        }
        if (has(cause, SSLException.class)) {
            return "TLS handshake with " + address(url) + " failed: " + deepestMessage(cause);
        }
        String message = deepestMessage(cause).toLowerCase(Locale.ROOT);
        if (message.contains("reset")) {
            return "connection reset by " + address(url);
        }
        if (message.contains("no bytes") || message.contains("eof") || message.contains("closed")) {
            return "connection closed by " + address(url) + " before a complete answer";
        }
        return "request to " + url + " failed: " + deepestMessage(cause);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
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
        String message = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message != null ? message : failure.getClass().getSimpleName();
    }
}

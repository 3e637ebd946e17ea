package io.relia.core.net;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import java.util.Optional;

import javax.net.ssl.SSLException;

/**
 * Why a server could not be reached, in words a user can act on: {@code connection refused (127.0.0.1:8081)} rather
 * than Netty's {@code finishConnect(..) failed with error(-111)} or the JDK client's bare {@code ConnectException}.
 * Every client in Relia (load generator, chaos steps and proxy API, Prometheus, relia serve) words socket errors
 * through here.
 */
public final class NetworkErrors {

    private NetworkErrors() {
    }

    /** {@code "connection refused (127.0.0.1:8081)"}: {@link #reason} and the address the client tried. */
    public static String describe(Throwable failure, String address) {
        return reason(failure) + " (" + address + ")";
    }

    /**
     * What went wrong, from the whole cause chain: {@code connection refused}, {@code connection timed out},
     * {@code unknown host}, {@code no route to host}, {@code network unreachable}, {@code connection reset by peer},
     * {@code connection closed by peer}, {@code TLS handshake failed: ...}; for anything else the innermost message.
     */
    public static String reason(Throwable failure) {
        return recognised(failure).orElseGet(() -> innermostMessage(failure));
    }

    /**
     * {@link #reason} when it is one of the common socket errors, never a library's message (which may name a host
     * or path that must stay private, such as a webhook's).
     */
    public static Optional<String> recognised(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return Optional.of("TLS handshake failed: " + innermostMessage(t));
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return Optional.of("unknown host");
            }
            if (t instanceof NoRouteToHostException) {
                return Optional.of("no route to host");
            }
            // The JDK's own, its HTTP client's and Netty's connect timeouts, without depending on either client.
            if (t instanceof SocketTimeoutException || t.getClass().getSimpleName().endsWith("ConnectTimeoutException")) {
                return Optional.of("connection timed out");
            }
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("connection refused")) {
                return Optional.of("connection refused");
            }
            if (message.contains("no route to host")) {
                return Optional.of("no route to host");
            }
            if (message.contains("network is unreachable")) {
                return Optional.of("network unreachable");
            }
            if (message.contains("connection reset")) {
                return Optional.of("connection reset by peer");
            }
            if (message.contains("broken pipe")) {
                return Optional.of("connection closed by peer");
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                // the JDK HTTP client's refused connection carries no message at all
                return Optional.of("connection refused");
            }
            if (t instanceof ClosedChannelException) {
                return Optional.of("connection closed");
            }
        }
        return Optional.empty();
    }

    private static String innermostMessage(Throwable failure) {
        String message = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message != null ? message : failure.getClass().getSimpleName();
    }
}

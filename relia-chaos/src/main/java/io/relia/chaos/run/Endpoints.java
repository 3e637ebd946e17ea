package io.relia.chaos.run;

import io.relia.core.value.Durations;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Whether an address accepts connections and a URL answers, for {@link Targets}: one bounded connection or
 * request each, and only requests that change nothing (GET, HEAD) are sent; for other methods the port is tried.
 */
final class Endpoints {

    /** Bound on connecting to a target (ms scale on 127.0.0.1; a refused port answers at once). */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private Endpoints() {
    }

    /** Why {@code host:port} does not accept a TCP connection, or empty when it does. */
    static Optional<String> refusal(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
            return Optional.empty();
        } catch (UnknownHostException | java.nio.channels.UnresolvedAddressException unknown) {
            return Optional.of("unknown host " + host);
        } catch (SocketTimeoutException slow) {
            return Optional.of("no connection to " + host + ":" + port + " within "
                    + Durations.format(CONNECT_TIMEOUT) + " (connect timeout)");
        } catch (ConnectException refused) {
            return Optional.of("connection refused to " + host + ":" + port);
        } catch (IOException | IllegalArgumentException failed) {
            return Optional.of("cannot connect to " + host + ":" + port + ": " + failed.getMessage());
        }
    }

    /** A check that the URL's host and port accept connections; {@code fix} says what to do when not. */
    static Targets.Check accepts(String subject, URI url, String fix) {
        String address = Failures.address(url);
        return refusal(url.getHost(), port(url)).map(reason -> Targets.Check.failed(subject + ": " + reason, fix))
                .orElseGet(() -> Targets.Check.ok(subject + ": " + address + " accepts connections"));
    }

    /**
     * A check that the URL answers: GET and HEAD are sent once (an error status fails the check when
     * {@code errorStatusFails}: the traffic source would count every request as an error); other methods are not
     * sent (they may change the target), their port is tried instead.
     */
    static Targets.Check answers(String subject, URI url, String method, Map<String, String> headers,
                                 Duration timeout, boolean errorStatusFails) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            Targets.Check port = accepts(subject, url, "start the service under test, or correct the URL");
            return port.status() == Targets.Status.OK ? Targets.Check.ok(port.text() + " (a " + method
                    + " is not sent by a check)") : port;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build()) {
            int status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 400 && errorStatusFails) {
                return Targets.Check.failed(subject + ": " + Failures.status(status, url),
                        "correct the URL, or make the service answer it");
            }
            return Targets.Check.ok(subject + " answers HTTP " + status);
        } catch (IOException failed) {
            return Targets.Check.failed(subject + ": " + Failures.describe(failed, url, CONNECT_TIMEOUT, timeout),
                    "start the service under test, or correct the URL");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Targets.Check.failed(subject + ": interrupted", "");
        } catch (IllegalArgumentException invalid) {
            return Targets.Check.failed(subject + ": " + invalid.getMessage(), "correct the request headers");
        }
    }

    /**
     * Whether {@code host} is this machine: only then is an address a proxy server forwards to reachable, and
     * meaningful, from here.
     */
    static boolean isLocal(String host) {
        try {
            InetAddress address = InetAddress.getByName(host);
            return address.isLoopbackAddress() || address.isAnyLocalAddress()
                    || NetworkInterface.getByInetAddress(address) != null;
        } catch (UnknownHostException | SocketException unknown) {
            return false;
        }
    }

    /** Whether two {@code host:port} addresses name the same socket (127.0.0.1 and localhost do). */
    static boolean sameAddress(String left, String right) {
        if (left.equals(right)) {
            return true;
        }
        int leftColon = left.lastIndexOf(':');
        int rightColon = right.lastIndexOf(':');
        if (leftColon < 0 || rightColon < 0 || !left.substring(leftColon).equals(right.substring(rightColon))) {
            return false;
        }
        try {
            return InetAddress.getByName(strip(left.substring(0, leftColon)))
                    .equals(InetAddress.getByName(strip(right.substring(0, rightColon))));
        } catch (UnknownHostException unknown) {
            return false;
        }
    }

    private static String strip(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static int port(URI url) {
        return url.getPort() >= 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }
}

package io.relia.core.net;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import javax.net.ssl.SSLHandshakeException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class NetworkErrorsTest {

    @Test
    void aRefusedSocketConnectionIsConnectionRefusedWithItsAddress() throws IOException {
        int port = closedPort();
        Throwable refused = catchThrowable(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
            }
        });

        assertThat(NetworkErrors.describe(refused, "127.0.0.1:" + port))
                .isEqualTo("connection refused (127.0.0.1:" + port + ")");
    }

    @Test
    void theHttpClientsRefusedConnectionWithoutAMessageIsConnectionRefused() throws IOException {
        int port = closedPort();
        Throwable refused;
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            refused = catchThrowable(() -> client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()));
        }

        assertThat(refused).isInstanceOf(ConnectException.class);
        assertThat(NetworkErrors.reason(refused)).isEqualTo("connection refused");
    }

    @Test
    void nettysNativeMessageIsReadAsTheReasonItNames() {
        Throwable netty = new ConnectException("finishConnect(..) failed with error(-111): Connection refused: "
                + "/127.0.0.1:8081");

        assertThat(NetworkErrors.describe(netty, "127.0.0.1:8081")).isEqualTo("connection refused (127.0.0.1:8081)");
    }

    @Test
    void theCommonSocketErrorsHaveTheirOwnWords() {
        assertThat(NetworkErrors.reason(new UnknownHostException("relia.invalid"))).isEqualTo("unknown host");
        assertThat(NetworkErrors.reason(new HttpConnectTimeoutException("HTTP connect timed out")))
                .isEqualTo("connection timed out");
        assertThat(NetworkErrors.reason(new IOException(new SocketTimeoutException("Connect timed out"))))
                .isEqualTo("connection timed out");
        assertThat(NetworkErrors.reason(new NoRouteToHostException("No route to host"))).isEqualTo("no route to host");
        assertThat(NetworkErrors.reason(new SocketException("Network is unreachable")))
                .isEqualTo("network unreachable");
        assertThat(NetworkErrors.reason(new SocketException("Connection reset"))).isEqualTo("connection reset by peer");
        assertThat(NetworkErrors.reason(new IOException("Broken pipe"))).isEqualTo("connection closed by peer");
        assertThat(NetworkErrors.reason(new IOException(new SSLHandshakeException("PKIX path building failed"))))
                .isEqualTo("TLS handshake failed: PKIX path building failed");
    }

    @Test
    void anythingElseIsTheInnermostMessageOrTheKindOfFailure() {
        assertThat(NetworkErrors.reason(new IOException("outer", new IOException("header too long"))))
                .isEqualTo("header too long");
        assertThat(NetworkErrors.reason(new IOException())).isEqualTo("IOException");
    }

    /** A port on 127.0.0.1 nothing listens on (it was just released). */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

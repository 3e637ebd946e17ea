package io.relia.chaos.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Open connections are capped per proxy and for the process; connections beyond a cap are reset and counted. Two
 * proxies pointing at each other (a loop no address check can see) end at a cap after one client connection,
 * while the admin API answers and other proxies relay.
 */
@Tag("integration")
class ConnectionCapsTest {
    private ProxyServer server;
    private Api api;
    private EchoServer echo;

    private void start(int perProxy, int process) throws IOException {
        server = ProxyServer.start("127.0.0.1", 0, null, true, 1, "test", new ConnectionCaps(perProxy, process));
        api = new Api(URI.create("http://127.0.0.1:" + server.adminAddress().getPort() + "/"));
        echo = EchoServer.echo();
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (echo != null) {
            echo.close();
        }
    }

    private double metric(String name, String labels) {
        return new LoopScenario(api, echo).metric(name, labels);
    }

    /**
     * Whether a connection the listener accepted ends without an answer: EOF, or a reset (which may come before
     * the client has even set its socket options). A refused connect is not that: the listener would be gone.
     */
    private static boolean endsAtOnce(String listen) throws IOException {
        try (Socket socket = Wire.connect(listen)) {
            return Wire.readsEndOfStream(socket);
        } catch (ConnectException gone) {
            throw gone;
        } catch (SocketException reset) {
            return true;
        }
    }

    @Test
    void connectionsBeyondAProxysCapAreResetAndCounted() throws Exception {
        start(3, 1_000);
        String listen = api.proxy("p", echo.address());
        List<Socket> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                open.add(Wire.connect(listen));
                Wire.send(open.get(i), "hi");
                assertThat(Wire.read(open.get(i), 2)).isEqualTo("hi");
            }
            assertThat(endsAtOnce(listen)).as("the connection over the cap is ended").isTrue();
            assertThat(metric("relia_chaos_proxy_refused_connections_total", "proxy=\"p\",reason=\"proxy_cap\""))
                    .isEqualTo(1.0);

            open.removeFirst().close();
            assertThat(LoopScenario.await(() -> metric("relia_chaos_proxy_open_connections", "proxy=\"p\""), 2.0))
                    .isEqualTo(2.0);
            assertThat(Wire.roundTrip(listen, "a slot came free")).isEqualTo("a slot came free");
        } finally {
            for (Socket socket : open) {
                socket.close();
            }
        }
    }

    @Test
    void theProcessCapHoldsAcrossProxies() throws Exception {
        start(100, 4);
        String p = api.proxy("p", echo.address());
        String q = api.proxy("q", echo.address());
        List<Socket> open = new ArrayList<>();
        try {
            for (String listen : List.of(p, p, p, q)) {
                Socket socket = Wire.connect(listen);
                open.add(socket);
                Wire.send(socket, "x");
                assertThat(Wire.read(socket, 1)).isEqualTo("x");
            }
            assertThat(endsAtOnce(q)).isTrue();
            assertThat(metric("relia_chaos_proxy_refused_connections_total", "proxy=\"q\",reason=\"process_cap\""))
                    .isEqualTo(1.0);
        } finally {
            for (Socket socket : open) {
                socket.close();
            }
        }
    }

    @Test
    void twoProxiesLoopingIntoEachOtherEndAtTheProxyCap() throws Exception {
        start(200, 10_000);
        // Each proxy holds at most 200; other proxies still accept new connections meanwhile.
        new LoopScenario(api, echo).assertEndsAtACapWhileTheRestWorks("proxy_cap", 400, true);
    }

    @Test
    void twoProxiesLoopingIntoEachOtherEndAtTheProcessCap() throws Exception {
        start(10_000, 300);
        // The connection through the third proxy takes one of the 300: new ones wait for the loop to end.
        new LoopScenario(api, echo).assertEndsAtACapWhileTheRestWorks("process_cap", 299, false);
    }
}

package io.relia.chaos.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** A sample of {@code /metrics}, 0 when the series is absent. */
    private double metric(String name, String labels) {
        String text = api.call("GET", "/metrics", null).body();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name + "{" + labels + "}") + " (\\S+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** Polls until {@code value} is {@code expected}, at most 10 s (200 polls); returns the last value. */
    private static double await(DoubleSupplier value, double expected) throws InterruptedException {
        double last = value.getAsDouble();
        for (int i = 0; i < 200 && last != expected; i++) {
            Thread.sleep(50);
            last = value.getAsDouble();
        }
        return last;
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
            assertThat(await(() -> metric("relia_chaos_proxy_open_connections", "proxy=\"p\""), 2.0)).isEqualTo(2.0);
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
        assertLoopEndsAtACapWhileTheRestWorks("proxy_cap", 400, true);
    }

    @Test
    void twoProxiesLoopingIntoEachOtherEndAtTheProcessCap() throws Exception {
        start(10_000, 300);
        // The connection through the third proxy takes one of the 300: new ones wait for the loop to end.
        assertLoopEndsAtACapWhileTheRestWorks("process_cap", 299, false);
    }

    /**
     * A → B → A, one client connection to A: the chain of connections grows until a cap refuses one, then unwinds
     * towards the client. Meanwhile the API answers, a connection through a third proxy opened before keeps
     * relaying (new ones are accepted too unless the process cap is the one reached); once the client closes, no
     * connection is left.
     *
     * @param loopConnections the most connections proxies a and b may have opened together
     */
    private void assertLoopEndsAtACapWhileTheRestWorks(String reason, int loopConnections, boolean newOnesDuring)
            throws Exception {
        String other = api.proxy("c", echo.address());
        String a = api.proxy("a", echo.address());
        String b = api.proxy("b", a);
        api.json("POST", "/proxies/a", "{\"upstream\":\"" + b + "\"}");

        try (Socket before = Wire.connect(other)) {
            Wire.send(before, "before");
            assertThat(Wire.read(before, 6)).isEqualTo("before");
            try (Socket client = Wire.connect(a)) {
                Wire.send(client, "GET / HTTP/1.1\r\nHost: loop\r\n\r\n");

                assertThat(Wire.readsEndOfStream(client)).as("the client sees its connection end").isTrue();
                double refused = metric("relia_chaos_proxy_refused_connections_total",
                        "proxy=\"a\",reason=\"" + reason + "\"") + metric("relia_chaos_proxy_refused_connections_total",
                        "proxy=\"b\",reason=\"" + reason + "\"");
                assertThat(refused).isGreaterThanOrEqualTo(1);
                double accepted = metric("relia_chaos_proxy_connections_total", "proxy=\"a\"")
                        + metric("relia_chaos_proxy_connections_total", "proxy=\"b\"");
                assertThat(accepted).as("connections the loop opened").isLessThanOrEqualTo(loopConnections);

                assertThat(api.call("GET", "/version", null).statusCode()).isEqualTo(200);
                assertThat(api.json("GET", "/proxies", null).propertyNames()).containsExactly("a", "b", "c");
                Wire.send(before, "during");
                assertThat(Wire.read(before, 6)).isEqualTo("during");
                if (newOnesDuring) {
                    assertThat(Wire.roundTrip(other, "new during")).isEqualTo("new during");
                }
            }
            assertThat(await(() -> metric("relia_chaos_proxy_open_connections", "proxy=\"a\"")
                    + metric("relia_chaos_proxy_open_connections", "proxy=\"b\""), 0.0))
                    .as("connections of the loop left once the client closed").isEqualTo(0.0);
            assertThat(Wire.roundTrip(other, "new after")).isEqualTo("new after");
        }
    }
}

package io.relia.chaos.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relia.chaos.ChaosProxy;
import io.relia.core.InputException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A proxy may not point at its own listen address (each connection would dial the proxy again, without end) nor at
 * the admin API (proxied clients would drive it): 400 on create, update and populate, names resolved, a listener on
 * every interface meaning any local address on its port.
 */
@Tag("integration")
class LoopAddressTest extends ProxyTestSupport {

    /** A port free now on 127.0.0.1. */
    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private int adminPort() {
        return server.adminUri().getPort();
    }

    private HttpResponse<String> create(String name, String listen, String upstream) {
        return api.call("POST", "/proxies", "{\"name\":\"" + name + "\",\"listen\":\"" + listen + "\",\"upstream\":\""
                + upstream + "\"}");
    }

    private static void assertRefused(HttpResponse<String> response, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(JsonMapper.shared().readTree(response.body()).get("error").asString()).isEqualTo(error);
    }

    private static String ownListen(String upstream, String listener) {
        return "upstream " + upstream + " is this proxy's own listen address " + listener
                + ": each connection would connect back to the proxy without end";
    }

    @Test
    void upstreamAtItsOwnListenAddressIsRefusedByAddressOrName() throws IOException {
        int port = freePort();
        String listener = "127.0.0.1:" + port;

        assertRefused(create("self", listener, "127.0.0.1:" + port), ownListen("127.0.0.1:" + port, listener));
        assertRefused(create("self", listener, "localhost:" + port), ownListen("localhost:" + port, listener));
        assertRefused(create("self", "0.0.0.0:" + port, "127.0.0.1:" + port),
                ownListen("127.0.0.1:" + port, "0.0.0.0:" + port));
        assertRefused(create("self", listener, "0.0.0.0:" + port), ownListen("0.0.0.0:" + port, listener));
        assertRefused(create("self", ":" + port, "127.0.0.1:" + port), ownListen("127.0.0.1:" + port, listener));
        assertThat(api.json("GET", "/proxies", null).size()).as("nothing was created").isZero();
    }

    @Test
    void disabledProxiesAreCheckedToo() throws IOException {
        int port = freePort();
        HttpResponse<String> refused = api.call("POST", "/proxies", "{\"name\":\"self\",\"listen\":\"127.0.0.1:" + port
                + "\",\"upstream\":\"127.0.0.1:" + port + "\",\"enabled\":false}");

        assertRefused(refused, ownListen("127.0.0.1:" + port, "127.0.0.1:" + port));
    }

    @Test
    void upstreamAtTheAdminApiIsRefused() {
        String admin = "127.0.0.1:" + adminPort();

        for (String upstream : new String[] {admin, "localhost:" + adminPort()}) {
            assertRefused(create("api", "127.0.0.1:0", upstream), "upstream " + upstream
                    + " is the admin API's address " + admin + ": proxied clients would drive the API");
        }
    }

    @Test
    void updatesThatWouldLoopAreRefusedAndTheProxyKeepsWorking() throws IOException {
        String listen = api.proxy("p", echo.address());

        assertRefused(api.call("POST", "/proxies/p", "{\"upstream\":\"" + listen + "\"}"), ownListen(listen, listen));
        assertRefused(api.call("PATCH", "/proxies/p", "{\"upstream\":\"localhost:" + adminPort() + "\"}"),
                "upstream localhost:" + adminPort() + " is the admin API's address 127.0.0.1:" + adminPort()
                        + ": proxied clients would drive the API");
        int port = Integer.parseInt(echo.address().substring(echo.address().lastIndexOf(':') + 1));
        assertRefused(api.call("POST", "/proxies/p", "{\"listen\":\"0.0.0.0:" + port + "\"}"),
                ownListen(echo.address(), "0.0.0.0:" + port));

        JsonNode proxy = api.json("GET", "/proxies/p", null);
        assertThat(proxy.get("upstream").asString()).isEqualTo(echo.address());
        assertThat(proxy.get("listen").asString()).isEqualTo(listen);
        assertThat(Wire.roundTrip(listen, "still relaying")).isEqualTo("still relaying");
    }

    @Test
    void populateStopsAtALoopKeepingWhatCameBefore() throws IOException {
        int port = freePort();
        HttpResponse<String> response = api.call("POST", "/populate", "[{\"name\":\"ok\",\"listen\":\"127.0.0.1:0\","
                + "\"upstream\":\"" + echo.address() + "\"},{\"name\":\"self\",\"listen\":\"127.0.0.1:" + port
                + "\",\"upstream\":\"127.0.0.1:" + port + "\"}]");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = JsonMapper.shared().readTree(response.body());
        assertThat(body.get("error").asString()).isEqualTo(ownListen("127.0.0.1:" + port, "127.0.0.1:" + port));
        assertThat(body.get("proxies").size()).isEqualTo(1);
    }

    @Test
    void aConfigFileWithALoopIsAnInputError(@TempDir Path dir) throws IOException {
        int port = freePort();
        Path config = Files.writeString(dir.resolve("proxies.json"), "[{\"name\":\"self\",\"listen\":\"127.0.0.1:"
                + port + "\",\"upstream\":\"localhost:" + port + "\"}]");

        assertThatThrownBy(() -> ChaosProxy.start(new ChaosProxy.Options("127.0.0.1", 0, Optional.of(config), false)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(ownListen("localhost:" + port, "127.0.0.1:" + port));
    }

    @Test
    void samePortOnAnotherAddressOrAnotherPortIsFine() throws IOException {
        int port = freePort();

        assertThat(create("other-address", "127.0.0.1:" + port, "127.0.0.2:" + port).statusCode()).isEqualTo(201);
        assertThat(create("other-port", "127.0.0.1:0", "127.0.0.1:" + port).statusCode()).isEqualTo(201);
    }
}

package io.relia.chaos.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Relia's extensions: toxic scopes (first N, after N, client addresses, time windows) and the connection list. */
@Tag("integration")
class ScopeAndConnectionsTest extends ProxyTestSupport {


    /** Whether a connection is cut at once by a limit_data 0 toxic (true) or echoes (false). */
    private static boolean cut(String listen) throws IOException {
        try (Socket socket = Wire.connect(listen)) {
            Wire.send(socket, "?");
            return Wire.readToEnd(socket, 1).length == 0;
        }
    }

    private List<Boolean> cuts(String listen, int connections) throws IOException {
        List<Boolean> result = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            result.add(cut(listen));
        }
        return result;
    }

    @Test
    void firstNHitsOnlyTheFirstConnectionsOpenedAfterTheToxic() throws IOException {
        String listen = api.proxy("retry", echo.address());
        api.toxic("retry", "{\"type\":\"limit_data\",\"attributes\":{\"bytes\":0},\"scope\":{\"first\":2}}");

        assertThat(cuts(listen, 4)).containsExactly(true, true, false, false);
    }

    @Test
    void afterNSparesTheFirstConnections() throws IOException {
        String listen = api.proxy("later", echo.address());
        api.toxic("later", "{\"type\":\"limit_data\",\"attributes\":{\"bytes\":0},\"scope\":{\"after\":2}}");

        assertThat(cuts(listen, 4)).containsExactly(false, false, true, true);
    }

    @Test
    void clientScopeSparesOtherAddresses() throws IOException {
        String listen = api.proxy("clients", echo.address());
        api.toxic("clients", "{\"name\":\"elsewhere\",\"type\":\"limit_data\",\"attributes\":{\"bytes\":0},"
                + "\"scope\":{\"clients\":[\"10.0.0.0/8\"]}}");
        assertThat(cut(listen)).isFalse();

        api.call("PATCH", "/proxies/clients/toxics/elsewhere", "{\"scope\":{\"clients\":[\"127.0.0.1\"]}}");
        assertThat(cut(listen)).isTrue();
    }

    @Test
    void timeWindowTurnsTheToxicOnAndOffOnOpenConnections() throws Exception {
        String listen = api.proxy("window", echo.address());
        Instant from = Instant.now().plusMillis(400);
        Instant until = from.plusMillis(600);
        JsonNode toxic = api.toxic("window", "{\"type\":\"latency\",\"attributes\":{\"latency\":200},"
                + "\"scope\":{\"from\":\"" + from + "\",\"until\":\"" + until + "\"}}");
        assertThat(toxic.get("scope").get("from").asString()).isEqualTo(from.toString());

        try (Socket socket = Wire.connect(listen)) {
            assertThat(roundTrip(socket)).isLessThan(100);
            sleepUntil(from.plusMillis(50));
            assertThat(roundTrip(socket)).isGreaterThanOrEqualTo(200);
            sleepUntil(until.plusMillis(50));
            assertThat(roundTrip(socket)).isLessThan(100);
        }
    }

    private static long roundTrip(Socket socket) throws IOException {
        long start = System.nanoTime();
        Wire.send(socket, "w");
        assertThat(Wire.read(socket, 1)).isEqualTo("w");
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void sleepUntil(Instant when) throws InterruptedException {
        long millis = when.toEpochMilli() - System.currentTimeMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    @Test
    void badScopesAreRefused() {
        api.proxy("bad", echo.address());

        assertThat(api.call("POST", "/proxies/bad/toxics", "{\"type\":\"latency\",\"scope\":{\"clients\":[\"host\"]}}")
                .body()).contains("not an IP address or block: host");
        assertThat(api.call("POST", "/proxies/bad/toxics", "{\"type\":\"latency\",\"scope\":{\"from\":\"soon\"}}")
                .statusCode()).isEqualTo(400);
        assertThat(api.call("POST", "/proxies/bad/toxics", "{\"type\":\"latency\",\"toxicity\":1.5}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void connectionListShowsLiveConnectionsAndTheToxicsActingOnThem() throws IOException {
        String listen = api.proxy("list", echo.address());
        api.toxic("list", "{\"name\":\"slow\",\"type\":\"latency\",\"attributes\":{\"latency\":1}}");
        api.toxic("list", "{\"name\":\"never\",\"type\":\"latency\",\"toxicity\":0,\"attributes\":{\"latency\":1}}");

        try (Socket socket = Wire.connect(listen)) {
            Wire.send(socket, "abc");
            assertThat(Wire.read(socket, 3)).isEqualTo("abc");

            JsonNode connections = api.json("GET", "/proxies/list/connections", null);

            assertThat(connections.size()).isEqualTo(1);
            JsonNode connection = connections.get(0);
            assertThat(connection.get("client").asString()).contains("127.0.0.1:" + socket.getLocalPort());
            assertThat(connection.get("bytes").get("upstream").asLong()).isEqualTo(3);
            assertThat(connection.get("toxics").get("downstream").values()).extracting(JsonNode::asString)
                    .containsExactly("slow");
        }
    }
}

package io.relia.chaos.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.util.function.DoubleSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two proxies pointing at each other (a → b → a, a loop no address check can see) and one client connection,
 * watched through the admin API of a server started with {@code --metrics}.
 */
final class LoopScenario {
    private final Api api;
    private final EchoServer echo;

    LoopScenario(Api api, EchoServer echo) {
        this.api = api;
        this.echo = echo;
    }

    /** A sample of {@code /metrics}, 0 when the series is absent. */
    double metric(String name, String labels) {
        String text = api.call("GET", "/metrics", null).body();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name + "{" + labels + "}") + " (\\S+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** Polls until {@code value} is {@code expected}, at most 10 s (200 polls); returns the last value. */
    static double await(DoubleSupplier value, double expected) throws InterruptedException {
        double last = value.getAsDouble();
        for (int i = 0; i < 200 && last != expected; i++) {
            Thread.sleep(50);
            last = value.getAsDouble();
        }
        return last;
    }

    private double sumOverLoop(String name, String moreLabels) {
        return metric(name, "proxy=\"a\"" + moreLabels) + metric(name, "proxy=\"b\"" + moreLabels);
    }

    /**
     * One client connection to a: the chain of connections grows until a cap refuses one, then unwinds towards the
     * client. Meanwhile the API answers and a connection through a third proxy opened before keeps relaying (new
     * ones are accepted too unless the process cap is the one reached); once the client closes, no connection of
     * the loop is left and the third proxy takes new ones.
     *
     * @param reason          the cap expected to end the loop: proxy_cap or process_cap
     * @param loopConnections the most connections proxies a and b may have opened together
     */
    void assertEndsAtACapWhileTheRestWorks(String reason, double loopConnections, boolean newOnesDuring)
            throws IOException, InterruptedException {
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
                assertThat(sumOverLoop("relia_chaos_proxy_refused_connections_total", ",reason=\"" + reason + "\""))
                        .as("connections refused at the %s", reason).isGreaterThanOrEqualTo(1);
                assertThat(sumOverLoop("relia_chaos_proxy_connections_total", ""))
                        .as("connections the loop opened").isLessThanOrEqualTo(loopConnections);
                assertThat(api.call("GET", "/version", null).statusCode()).isEqualTo(200);
                assertThat(api.json("GET", "/proxies", null).propertyNames()).containsExactly("a", "b", "c");
                Wire.send(before, "during");
                assertThat(Wire.read(before, 6)).isEqualTo("during");
                if (newOnesDuring) {
                    assertThat(Wire.roundTrip(other, "new during")).isEqualTo("new during");
                }
            }
            assertThat(await(() -> sumOverLoop("relia_chaos_proxy_open_connections", ""), 0.0))
                    .as("connections of the loop left once the client closed").isEqualTo(0.0);
            assertThat(Wire.roundTrip(other, "new after")).isEqualTo("new after");
        }
    }
}

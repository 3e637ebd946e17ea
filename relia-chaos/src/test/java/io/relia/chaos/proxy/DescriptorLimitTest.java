package io.relia.chaos.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The reported failure, in a proxy process of its own under a low file descriptor limit ({@code ulimit -n 256}):
 * two proxies looping into each other and one client connection used to take every descriptor, after which the
 * admin API timed out and every other proxy was dead. With the process cap computed from the limit, the loop ends
 * at the cap and the API and the other proxies keep working.
 */
@Tag("integration")
class DescriptorLimitTest {
    private static final int DESCRIPTOR_LIMIT = 256;

    private Process proxy;
    private Path stderr;
    private Api api;
    private EchoServer echo;

    @BeforeEach
    void startProxyUnderALowLimit() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        stderr = Files.createTempFile("relia-fd-limit", ".log");
        proxy = new ProcessBuilder("bash", "-c", "ulimit -n " + DESCRIPTOR_LIMIT + " && exec \"$0\" -cp \"$1\" "
                + LimitedProxyMain.class.getName(), java, System.getProperty("java.class.path"))
                .redirectError(stderr.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(proxy.getInputStream(), StandardCharsets.UTF_8));
        String adminUri = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        }).get(60, TimeUnit.SECONDS);
        assertThat(adminUri).as("the proxy process started (stderr: %s)", stderr).startsWith("http://");
        api = new Api(URI.create(adminUri));
        echo = EchoServer.echo();
    }

    @AfterEach
    void stop() throws Exception {
        if (proxy != null) {
            proxy.getOutputStream().close();
            if (!proxy.waitFor(10, TimeUnit.SECONDS)) {
                proxy.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (echo != null) {
            echo.close();
        }
        if (stderr != null) {
            Files.deleteIfExists(stderr);
        }
    }

    private double metric(String name, String labels) {
        String text = api.call("GET", "/metrics", null).body();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name + "{" + labels + "}") + " (\\S+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void aLoopEndsAtTheProcessCapAndTheApiAndOtherProxiesKeepWorking() throws Exception {
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
                assertThat(metric("relia_chaos_proxy_refused_connections_total", "proxy=\"a\",reason=\"process_cap\"")
                        + metric("relia_chaos_proxy_refused_connections_total", "proxy=\"b\",reason=\"process_cap\""))
                        .as("connections refused at the process cap").isGreaterThanOrEqualTo(1);
                double opened = metric("relia_chaos_proxy_connections_total", "proxy=\"a\"")
                        + metric("relia_chaos_proxy_connections_total", "proxy=\"b\"");
                assertThat(opened).as("connections the loop opened, two descriptors each")
                        .isLessThan(DESCRIPTOR_LIMIT / 2.0);
                assertThat(api.call("GET", "/version", null).statusCode()).isEqualTo(200);
                assertThat(api.json("GET", "/proxies", null).propertyNames()).containsExactly("a", "b", "c");
                Wire.send(before, "during");
                assertThat(Wire.read(before, 6)).isEqualTo("during");
            }
            double left = Double.NaN;
            for (int i = 0; i < 200 && left != 0; i++) {
                Thread.sleep(50);
                left = metric("relia_chaos_proxy_open_connections", "proxy=\"a\"")
                        + metric("relia_chaos_proxy_open_connections", "proxy=\"b\"");
            }
            assertThat(left).as("connections of the loop left once the client closed").isZero();
            assertThat(Wire.roundTrip(other, "new after")).isEqualTo("new after");
        }
        assertThat(proxy.isAlive()).isTrue();
    }
}

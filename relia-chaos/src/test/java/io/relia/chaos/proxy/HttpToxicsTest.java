package io.relia.chaos.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.relia.chaos.ChaosProxy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** HTTP-aware toxics on a proxy in {@code http} mode, against a real JDK HTTP server. */
@Tag("integration")
class HttpToxicsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private ChaosProxy server;
    private Api api;
    private HttpServer upstream;
    private final AtomicInteger served = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private URI base;

    @BeforeEach
    void start() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        upstream.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        upstream.createContext("/", exchange -> {
            served.incrementAndGet();
            byte[] request = exchange.getRequestBody().readAllBytes();
            byte[] body = ("ok:" + new String(request, StandardCharsets.UTF_8) + "x".repeat(1000))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        upstream.start();
        server = ChaosProxy.start(new ChaosProxy.Options("127.0.0.1", 0, Optional.empty(), false));
        api = new Api(server.adminUri());
        String listen = api.json("POST", "/proxies", "{\"name\":\"web\",\"listen\":\"127.0.0.1:0\",\"mode\":\"http\","
                + "\"upstream\":\"127.0.0.1:" + upstream.getAddress().getPort() + "\"}").get("listen").asString();
        base = URI.create("http://" + listen + "/");
    }

    @AfterEach
    void stop() {
        server.close();
        upstream.stop(0);
        http.shutdownNow();
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve("pay")).timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void requestsPassThroughUntouchedWithoutToxics() throws Exception {
        HttpResponse<String> response = post("hello");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("ok:hello").hasSize(1008);
        assertThat(api.json("GET", "/proxies/web", null).get("mode").asString()).isEqualTo("http");
    }

    @Test
    void httpStatusAnswersInsteadOfTheServer() throws Exception {
        api.toxic("web", "{\"name\":\"unavailable\",\"type\":\"http_status\",\"attributes\":{\"status\":503}}");

        HttpResponse<String> response = post("order");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("X-Relia-Chaos-Toxic")).hasValue("unavailable");
        assertThat(served.get()).isZero();
        assertThat(post("again").statusCode()).isEqualTo(503);
    }

    @Test
    void httpToxicityIsRolledPerRequestOnOneConnection() throws Exception {
        api.toxic("web", "{\"type\":\"http_status\",\"toxicity\":0.3,\"attributes\":{\"status\":500}}");
        int failed = 0;
        for (int i = 0; i < 200; i++) {
            if (post("r" + i).statusCode() == 500) {
                failed++;
            }
        }
        assertThat(api.json("GET", "/proxies/web/connections", null).size()).isEqualTo(1);
        // Binomial(200, 0.3): mean 60, sd 6.5; 4.6 sd either side.
        assertThat(failed).isBetween(30, 90);
        assertThat(served.get()).isEqualTo(200 - failed);
    }

    @Test
    void httpLatencyHoldsEachRequest() throws Exception {
        api.toxic("web", "{\"type\":\"http_latency\",\"attributes\":{\"latency\":150}}");
        post("warm-up");
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            assertThat(post("slow").statusCode()).isEqualTo(200);
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(150L, 250L);
        }
    }

    @Test
    void httpAbortCutsTheResponseOff() throws Exception {
        api.toxic("web", "{\"type\":\"http_abort\",\"attributes\":{\"bytes\":10}}");

        assertThatThrownBy(() -> post("cut")).isInstanceOf(IOException.class);
        assertThat(served.get()).isEqualTo(1);
    }

    @Test
    void toxicKindsMustMatchTheProxyMode() {
        assertThat(api.call("POST", "/proxies/web/toxics", "{\"type\":\"latency\"}").body())
                .contains("toxic type latency needs a proxy in tcp mode; proxy web is in http mode");
        api.proxy("plain", "127.0.0.1:" + upstream.getAddress().getPort());
        assertThat(api.call("POST", "/proxies/plain/toxics", "{\"type\":\"http_status\"}").statusCode())
                .isEqualTo(400);
        assertThat(api.call("POST", "/proxies/web/toxics", "{\"type\":\"http_status\",\"attributes\":{\"status\":42}}")
                .body()).contains("expected an HTTP status 100..599");
    }
}

package io.relia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.relia.chaos.ChaosProxy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code relia chaos run} killed with SIGTERM in the middle of a fault: the fault is rolled back, the proxy is left
 * clean and the journal says {@code interrupted}. The command runs in its own JVM, as users run it.
 */
@Tag("integration")
class ChaosRunSignalTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private HttpServer target;
    private ChaosProxy proxy;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @BeforeEach
    void start() throws IOException {
        target = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        target.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        target.start();
        proxy = ChaosProxy.start(new ChaosProxy.Options("127.0.0.1", 0, Optional.empty(), false));
    }

    @AfterEach
    void stop() {
        proxy.close();
        target.stop(0);
        http.shutdownNow();
    }

    private JsonNode api(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(proxy.adminUri().resolve(path)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
        return JsonMapper.shared().readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    @Test
    void sigtermMidFaultRollsBackAndJournalsInterrupted(@TempDir Path dir) throws Exception {
        String listen = api("POST", "proxies", "{\"name\":\"target\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:"
                + target.getAddress().getPort() + "\"}").get("listen").asString();
        Path experiment = Files.writeString(dir.resolve("long-fault.yaml"), """
                experiment:
                  name: "Long latency fault"
                  description: "Held long enough to be interrupted"
                  hypothesis:
                    steady_state: "error rate < 50%%"
                  traffic: {url: "http://%s/", rate: 10, timeout: 2s, window: 1s}
                  proxy: {admin: "%s"}
                  scope: {proxies: [target]}
                  method:
                    type: network-latency
                    target: {service: target, percentage: 100}
                    latency: 50ms
                    duration: 5m
                  rollback: {automatic: true}
                """.formatted(listen, proxy.adminUri().toString().replaceAll("/$", "")));
        Path journal = dir.resolve("journal.json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process run = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "io.relia.cli.Main", "chaos", "run", experiment.toString(), "--journal", journal.toString(),
                "--probe-interval", "200ms"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("run.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (api("GET", "proxies/target/toxics", null).size() == 0 && System.nanoTime() < deadline
                    && run.isAlive()) {
                Thread.sleep(100);
            }
            assertThat(api("GET", "proxies/target/toxics", null).size())
                    .as("the fault is in place; log:%n%s", Files.readString(dir.resolve("run.log"))).isEqualTo(1);

            run.destroy(); // SIGTERM
            assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            run.destroyForcibly();
        }

        assertThat(api("GET", "proxies/target/toxics", null).size()).isZero();
        JsonNode written = JsonMapper.shared().readTree(Files.readString(journal));
        assertThat(written.get("status").asString()).isEqualTo("interrupted");
        assertThat(written.get("rollbacks").size()).isPositive();
    }
}

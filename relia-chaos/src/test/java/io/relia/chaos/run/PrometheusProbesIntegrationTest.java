package io.relia.chaos.run;

import io.relia.chaos.experiment.Activity;
import io.relia.chaos.experiment.Provider;
import io.relia.chaos.experiment.Tolerance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.ServerSocket;
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
import java.util.stream.Stream;

import static io.relia.chaos.run.TestExperiments.HERE;
import static io.relia.chaos.run.TestExperiments.experiment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** Prometheus and burn-rate probes against a real Prometheus (Debian package {@code prometheus}) on 127.0.0.1. */
@Tag("integration")
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PrometheusProbesIntegrationTest {

    @TempDir
    static Path dir;
    private static Process prometheus;
    private static URI url;

    @BeforeAll
    static void startPrometheus() throws Exception {
        Optional<Path> binary = Stream.of("/usr/bin/prometheus", "/usr/local/bin/prometheus").map(Path::of)
                .filter(Files::isExecutable).findFirst();
        assumeThat(binary).as("prometheus is not installed: apt-get install -y prometheus").isPresent();
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path config = Files.writeString(dir.resolve("prometheus.yml"), "global: {}\n");
        prometheus = new ProcessBuilder(binary.get().toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        url = URI.create("http://127.0.0.1:" + port);
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline && !ready(client)) {
                Thread.sleep(100);
            }
        }
        assertThat(prometheus.isAlive()).as(() -> "prometheus exited; see " + dir.resolve("prometheus.log")).isTrue();
    }

    private static boolean ready(HttpClient client) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(url.resolve("/-/ready")).timeout(Duration.ofSeconds(1))
                    .build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (java.io.IOException notYet) {
            return false;
        }
    }

    @AfterAll
    static void stopPrometheus() throws InterruptedException {
        if (prometheus != null) {
            prometheus.destroy();
            if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
        }
    }

    @Test
    void anInstantQueryIsTheValueOfItsFirstSeries() {
        Activity probe = Activity.probe("errors", new Provider.PrometheusQuery(url, "vector(0.25)"),
                new Tolerance.Range(new BigDecimal("0.2"), new BigDecimal("0.3"), Optional.empty()), HERE);

        Journal journal = new ExperimentRunner(experiment(List.of(probe), List.of(), List.of()), RunOptions.DEFAULTS,
                RunListener.NONE).run();

        assertThat(journal.before().orElseThrow().probes().getFirst().output()).isEqualTo(0.25);
        assertThat(journal.before().orElseThrow().met()).isTrue();
    }

    @Test
    void aBurnRateIsTheErrorRatioOverTheErrorBudget() {
        Activity probe = Activity.probe("burn", new Provider.BurnRate(url, "vector(0.002)", 0.999),
                new Tolerance.Range(new BigDecimal("1.99"), new BigDecimal("2.01"), Optional.empty()), HERE);

        Journal journal = new ExperimentRunner(experiment(List.of(probe), List.of(), List.of()), RunOptions.DEFAULTS,
                RunListener.NONE).run();

        assertThat(journal.before().orElseThrow().met()).isTrue();
    }

    @Test
    void anInvalidQueryFailsTheProbeWithPrometheusReason() {
        Activity probe = Activity.probe("bad", new Provider.PrometheusQuery(url, "sum(("),
                new Tolerance.Equals(0L), HERE);

        Journal journal = new ExperimentRunner(experiment(List.of(probe), List.of(), List.of()), RunOptions.DEFAULTS,
                RunListener.NONE).run();

        assertThat(journal.before().orElseThrow().probes().getFirst().exception().orElseThrow())
                .contains("query sum(( failed");
        assertThat(journal.status()).isEqualTo(Journal.Status.FAILED);
    }
}

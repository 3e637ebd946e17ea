package io.relia.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code relia capacity forecast --prometheus} against a real Prometheus: two weeks of hourly usage of two pods are
 * backfilled with {@code promtool tsdb create-blocks-from openmetrics}, then queried over {@code query_range}.
 */
@Tag("integration")
class CapacityPrometheusIntegrationTest {

    private static final Duration TOOL_TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path work;

    @Test
    void forecastsTheSumOfTheSeriesPrometheusReturnsAndWarnsAboutIt() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/prometheus")) && Files.isExecutable(Path.of(
                "/usr/bin/promtool")), "prometheus and promtool are not installed (apt-get install prometheus)");
        Path data = work.resolve("data");
        run(List.of("/usr/bin/promtool", "tsdb", "create-blocks-from", "openmetrics", "--quiet",
                openMetrics().toString(), data.toString()));
        Files.writeString(work.resolve("prometheus.yml"), "global:\n  scrape_interval: 1h\n");
        int port = freePort();
        Process prometheus = new ProcessBuilder("/usr/bin/prometheus", "--config.file=" + work.resolve(
                "prometheus.yml"), "--storage.tsdb.path=" + data, "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(work.resolve("prometheus.log").toFile()).start();
        try {
            String url = "http://127.0.0.1:" + port;
            awaitReady(url);
            CliRun run = CliRun.of("capacity", "forecast", "--prometheus", url, "--query", "checkout_rps",
                    "--range", "14d", "--step", "1h", "--horizon", "7d", "--capacity", "100", "--format", "json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains("the query returned 2 series; their sum is forecast");
            assertThat(run.out()).contains("\"kind\" : \"capacity-forecast\"", "\"step\" : \"1h\"",
                    "\"recentMax\" : 60.0");
        } finally {
            prometheus.destroy();
            if (!prometheus.waitFor(30, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
        }
    }

    /** Two pods, 14 days hourly, ending at the last full hour; together 20..60 req/s over the day. */
    private Path openMetrics() throws IOException {
        long now = Instant.now().getEpochSecond() / 3600 * 3600;
        StringBuilder out = new StringBuilder("# TYPE checkout_rps gauge\n");
        for (int hour = 14 * 24; hour > 0; hour--) {
            long t = now - hour * 3600L;
            double each = 20 + 10 * Math.sin(2 * Math.PI * (t / 3600 % 24) / 24);
            for (String pod : List.of("a", "b")) {
                out.append(String.format(java.util.Locale.ROOT, "checkout_rps{pod=\"%s\"} %.2f %d%n", pod, each, t));
            }
        }
        return Files.writeString(work.resolve("usage.om"), out.append("# EOF\n"));
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("promtool.log").toFile()).start();
        if (!process.waitFor(TOOL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("promtool took longer than " + TOOL_TIMEOUT);
        }
        assertThat(process.exitValue()).as(Files.readString(work.resolve("promtool.log"))).isZero();
    }

    private static void awaitReady(String url) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<Void> ready = client.send(HttpRequest.newBuilder(URI.create(url + "/-/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Prometheus did not become ready within 60s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

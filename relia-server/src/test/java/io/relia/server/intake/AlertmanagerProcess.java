package io.relia.server.intake;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real Alertmanager (the Debian {@code prometheus-alertmanager} package) on 127.0.0.1 and a free port, clustering
 * off, with one webhook receiver that posts to a Relia server with a bearer token. Alerts go in through its own API,
 * {@code POST /api/v2/alerts}, the way Prometheus sends them. Groups flush after 1 s so tests stay short; every wait
 * is bounded. Tests that use it skip, loudly, where Alertmanager is not installed ({@code ./run-tests} installs it).
 */
public final class AlertmanagerProcess implements AutoCloseable {

    /** Where Debian installs it. */
    public static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();

    private AlertmanagerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts Alertmanager in {@code dir}, routing every alert (grouped by {@code groupBy}) to {@code webhookUrl}
     * with {@code Authorization: Bearer token}.
     */
    public static AlertmanagerProcess start(Path dir, String webhookUrl, String token, List<String> groupBy)
            throws IOException, InterruptedException {
        Path credentials = dir.resolve("token");
        Files.writeString(credentials, token, StandardCharsets.UTF_8);
        return start(dir, groupBy, List.of(
                "    webhook_configs:",
                "      - url: " + JSON.writeValueAsString(webhookUrl),
                "        send_resolved: true",
                "        http_config:",
                "          authorization:",
                "            type: Bearer",
                "            credentials_file: " + JSON.writeValueAsString(credentials.toString())));
    }

    /**
     * Starts Alertmanager with a PagerDuty receiver (Events API v2) whose URL is {@code eventsUrl} and whose
     * routing key is {@code routingKey}: Alertmanager as a PagerDuty sender.
     */
    public static AlertmanagerProcess startPagerDuty(Path dir, String eventsUrl, String routingKey,
                                                     List<String> groupBy) throws IOException, InterruptedException {
        return start(dir, groupBy, List.of(
                "    pagerduty_configs:",
                "      - url: " + JSON.writeValueAsString(eventsUrl),
                "        routing_key: " + JSON.writeValueAsString(routingKey),
                "        send_resolved: true",
                "        severity: '{{ .CommonLabels.severity }}'",
                "        details:",
                "          service: '{{ .CommonLabels.service }}'"));
    }

    private static AlertmanagerProcess start(Path dir, List<String> groupBy, List<String> receiver)
            throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(BINARY), "SKIPPED: " + BINARY + " is missing; install the Debian package"
                + " prometheus-alertmanager (./run-tests does)");
        Path config = dir.resolve("alertmanager.yml");
        List<String> lines = new java.util.ArrayList<>(List.of(
                "route:",
                "  receiver: relia",
                "  group_by: " + JSON.writeValueAsString(groupBy),
                "  group_wait: 1s",
                "  group_interval: 1s",
                "  repeat_interval: 1h",
                "receivers:",
                "  - name: relia"));
        lines.addAll(receiver);
        lines.add("");
        Files.writeString(config, String.join("\n", lines), StandardCharsets.UTF_8);
        int port = freePort();
        Path log = dir.resolve("alertmanager.log");
        Files.createDirectories(dir.resolve("data"));
        Process process = new ProcessBuilder(BINARY.toString(), "--config.file=" + config,
                "--storage.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=", "--log.level=debug")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AlertmanagerProcess alertmanager = new AlertmanagerProcess(process, log, port);
        alertmanager.awaitReady();
        return alertmanager;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Alertmanager exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(uri("/-/ready")).timeout(HTTP_TIMEOUT)
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        close();
        throw new IllegalStateException("Alertmanager was not ready within " + READY_TIMEOUT + ":\n" + logTail());
    }

    /** Base URL, e.g. http://127.0.0.1:40123. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    private URI uri(String path) {
        return URI.create(url() + path);
    }

    /** Fires (or, with {@code endsAt} in the past, resolves) alerts through {@code POST /api/v2/alerts}. */
    public void post(List<Map<String, Object>> alerts) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri("/api/v2/alerts")).timeout(HTTP_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(alerts))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Alertmanager refused the alerts: " + answer.statusCode() + " "
                    + answer.body());
        }
    }

    /** The alerts Alertmanager holds, from {@code GET /api/v2/alerts}. */
    public JsonNode alerts() throws IOException, InterruptedException {
        return JSON.readTree(http.send(HttpRequest.newBuilder(uri("/api/v2/alerts")).timeout(HTTP_TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    /** The end of its log, for failure messages. */
    public String logTail() {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.substring(Math.max(0, text.length() - 4000));
        } catch (IOException unreadable) {
            return "(no log: " + unreadable.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        http.close();
    }
}

package io.relia.server.intake;

import io.relia.incident.Incident;
import io.relia.incident.IncidentQuery;
import io.relia.incident.IncidentSettings;
import io.relia.server.ReliaServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.relia.server.intake.ServerHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Alertmanager intake takes a whole alert group of a storm (a 413 is never retried, so a refused group is
 * lost), while every other route keeps a small body limit.
 */
class IntakeBodyLimitTest {

    private static final String AM = "/api/v1/alerts/alertmanager";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path data;

    private ServerHarness harness;

    @BeforeEach
    void start() {
        harness = new ServerHarness(data, IncidentSettings.DEFAULT);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    /** The size docs/server.md gives for a realistic alert: about 1 KB of JSON, so the limit holds 15,000 and more. */
    @Test
    void aRealisticAlertIsAboutOneKilobyteOfJson() {
        Instant now = Instant.now();
        double perAlert = (RealisticAlerts.webhook(1_000, now).length() - RealisticAlerts.webhook(0, now).length())
                / 1_000.0;

        assertThat(perAlert).isBetween(900.0, 1_100.0);
        assertThat(ReliaServer.DEFAULT_MAX_INTAKE_BODY / perAlert).isGreaterThan(15_000);
    }

    @Test
    void acceptsARealistic5000AlertGroupAndStoresEveryAlert() throws Exception {
        String body = RealisticAlerts.webhook(5_000, Instant.now().minusSeconds(120));
        assertThat(body.length()).isGreaterThan((int) ReliaServer.DEFAULT_MAX_BODY * 4);

        HttpResponse<String> answer = harness.post(AM, body);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(json(answer).path("received").asInt()).isEqualTo(5_000);
        List<Incident> incidents = harness.store.list(IncidentQuery.ALL);
        assertThat(incidents).hasSize(1);
        assertThat(harness.store.alerts(incidents.getFirst().id())).hasSize(5_000);
    }

    @Test
    void refusesAWebhookOverTheIntakeLimitWithA413NamingIt() throws Exception {
        String body = "{\"version\": \"4\", \"alerts\": [], \"padding\": \""
                + "x".repeat((int) ReliaServer.DEFAULT_MAX_INTAKE_BODY) + "\"}";

        HttpResponse<String> answer = harness.post(AM, body);

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(json(answer).path("message").asString()).contains(Long.toString(
                ReliaServer.DEFAULT_MAX_INTAKE_BODY));
    }

    /**
     * A refused body is read to its end before the 413 goes out: a server that closes with unread bytes makes the
     * kernel reset the connection, and a client still writing its body loses the 413 ("header parser received no
     * bytes", seen in CI). A plain socket writes the whole request from one thread and reads from another, as
     * Alertmanager's HTTP client does.
     */
    @Test
    void everyRefusalReachesAClientStillWritingItsBody() throws Exception {
        byte[] padding = "x".repeat((int) ReliaServer.DEFAULT_MAX_BODY * 3).getBytes(StandardCharsets.US_ASCII);

        for (int attempt = 0; attempt < 5; attempt++) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", harness.port())) {
                socket.setSoTimeout((int) TIMEOUT.toMillis());
                String head = "POST /api/v1/incidents HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                        + harness.token + "\r\nContent-Type: application/json\r\nContent-Length: " + padding.length
                        + "\r\n\r\n";
                Thread writer = Thread.ofVirtual().start(() -> {
                    try {
                        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                        socket.getOutputStream().write(padding);
                        socket.getOutputStream().flush();
                    } catch (java.io.IOException closed) {
                        // the server may close after answering; the reader below says whether the answer came
                    }
                });
                String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII)).readLine();
                writer.join(TIMEOUT.toMillis());

                assertThat(status).as("attempt %d", attempt).startsWith("HTTP/1.1 413");
            }
        }
    }

    @Test
    void keepsEveryOtherWriteAtTheSmallLimit() throws Exception {
        String big = "{\"title\": \"x\", \"summary\": \"" + "x".repeat((int) ReliaServer.DEFAULT_MAX_BODY) + "\"}";

        HttpResponse<String> incident = harness.post("/api/v1/incidents", big);
        HttpResponse<String> pagerDuty = harness.post("/api/v1/alerts/pagerduty", big);

        assertThat(incident.statusCode()).isEqualTo(413);
        assertThat(json(incident).path("message").asString()).contains(Long.toString(ReliaServer.DEFAULT_MAX_BODY));
        assertThat(pagerDuty.statusCode()).isEqualTo(413);
        assertThat(harness.store.list(IncidentQuery.ALL)).isEmpty();
    }

    @Test
    void refusesABodyOfUnknownLengthOutsideTheIntakeWith411() throws Exception {
        byte[] body = "{\"title\": \"chunked\"}".getBytes(StandardCharsets.UTF_8);
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(harness.url("/api/v1/incidents")))
                    .timeout(TIMEOUT).header("Authorization", "Bearer " + harness.token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(411);
            assertThat(json(answer).path("message").asString()).contains("Content-Length");
        }
    }

    @Test
    void takesAChunkedWebhook() throws Exception {
        byte[] body = RealisticAlerts.webhook(3, Instant.now()).getBytes(StandardCharsets.UTF_8);
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(harness.url(AM)))
                    .timeout(TIMEOUT).header("Authorization", "Bearer " + harness.token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        }
    }
}

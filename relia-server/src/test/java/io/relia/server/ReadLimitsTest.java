package io.relia.server;

import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentStore;
import io.relia.incident.store.IncidentStores;
import io.relia.incident.store.StoreLocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Per-client limits on API reads: 429 with Retry-After and a JSON message; writes, intake and health pass. */
class ReadLimitsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Two reads at once, then one per 100 s: a third read within a test is always over the limit. */
    private static final ReadLimits TIGHT = new ReadLimits(0.01, 2, 8, 2, 8, Duration.ofSeconds(5));

    @TempDir
    Path data;

    private IncidentStore store;
    private ReliaServer server;
    private HttpClient http;
    private String token;

    @BeforeEach
    void start() {
        store = IncidentStores.open(new StoreLocation.Sqlite(data));
        token = store.tokens().create("alertmanager", Instant.now());
        server = ReliaServer.start(store, IncidentPolicy.DEFAULT, ReliaServer.Options.loopback(0).withReads(TIGHT));
        http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
        http.close();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(TIMEOUT).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersAReadBeyondTheRateWith429RetryAfterAndAJsonMessage() throws Exception {
        assertThat(send("GET", "/api/v1/incidents", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/stats", null).statusCode()).isEqualTo(200);

        HttpResponse<String> third = send("GET", "/api/v1/incidents", null);

        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(third.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        JsonNode body = JSON.readTree(third.body());
        assertThat(body.path("error").asInt()).isEqualTo(429);
        assertThat(body.path("message").asString()).contains("too many reads");
    }

    @Test
    void neverLimitsWritesAlertIntakeOrHealth() throws Exception {
        for (int read = 0; read < 3; read++) {
            send("GET", "/api/v1/incidents", null);
        }

        assertThat(send("POST", "/api/v1/alerts/alertmanager", "{\"version\": \"4\", \"alerts\": [{\"status\":"
                + " \"firing\", \"labels\": {\"alertname\": \"A\"}}]}").statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/incidents", "{\"title\": \"declared while reads are limited\"}")
                .statusCode()).isEqualTo(201);
        for (int probe = 0; probe < 5; probe++) {
            assertThat(send("GET", "/health", null).statusCode()).isEqualTo(200);
            assertThat(send("GET", "/metrics", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void countsRefusedReadsByReason() throws Exception {
        for (int read = 0; read < 4; read++) {
            send("GET", "/api/v1/incidents", null);
        }

        assertThat(send("GET", "/metrics", null).body())
                .contains("relia_http_reads_refused_total{reason=\"rate\"} 2.0");
    }

    @Test
    void aClientWithTooManyReadsInFlightWaitsForOneToBeAnswered() {
        ReadLimits oneAtATime = new ReadLimits(1_000, 1_000, 1, 1, 0, Duration.ZERO);
        ReadGate.ClientBudget client = new ReadGate.ClientBudget(oneAtATime);

        assertThat(client.take(oneAtATime)).isZero();
        assertThat(client.take(oneAtATime)).isEqualTo(ReadGate.ClientBudget.IN_FLIGHT);
        client.done();
        assertThat(client.take(oneAtATime)).isZero();
    }

    @Test
    void refusesLimitsThatCannotWork() {
        assertThatThrownBy(() -> new ReadLimits(0, 1, 1, 1, 0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rate");
        assertThatThrownBy(() -> ReadLimits.DEFAULT.withInFlight(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ReadLimits.DEFAULT.withRate(5).burst()).isEqualTo(10);
    }
}

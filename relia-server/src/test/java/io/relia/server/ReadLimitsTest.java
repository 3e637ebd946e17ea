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

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
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

    /**
     * One read thread, held by a read whose store query does not return: the next read is answered 503 at once, and
     * a webhook and a declaration are stored meanwhile, because intake and writes never need a read thread.
     */
    @Test
    void answersAlertIntakeAndWritesWhileEveryReadThreadIsHeld() throws Exception {
        CountDownLatch listing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        IncidentStore stuck = (IncidentStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {IncidentStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("list")) {
                        listing.countDown();
                        release.await(30, TimeUnit.SECONDS);
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException thrown) {
                        throw thrown.getCause();
                    }
                });
        ReadLimits oneThread = new ReadLimits(1_000, 1_000, 8, 1, 0, Duration.ofSeconds(5));
        try (ReliaServer held = ReliaServer.start(stuck, IncidentPolicy.DEFAULT,
                ReliaServer.Options.loopback(0).withReads(oneThread));
             ExecutorService reader = Executors.newVirtualThreadPerTaskExecutor()) {
            String base = "http://127.0.0.1:" + held.port();
            Future<HttpResponse<String>> first = reader.submit(() -> http.send(HttpRequest.newBuilder(URI.create(
                    base + "/api/v1/incidents")).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString()));
            assertThat(listing.await(10, TimeUnit.SECONDS)).isTrue();

            HttpResponse<String> second = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/policy"))
                    .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> webhook = http.send(HttpRequest.newBuilder(URI.create(base
                    + "/api/v1/alerts/alertmanager")).timeout(TIMEOUT).header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"version\": \"4\", \"alerts\": [{\"status\":"
                            + " \"firing\", \"labels\": {\"alertname\": \"DiskFull\"}}]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            release.countDown();

            assertThat(second.statusCode()).isEqualTo(503);
            assertThat(second.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(JSON.readTree(second.body()).path("message").asString()).contains("as many reads as it may");
            assertThat(webhook.statusCode()).as(webhook.body()).isEqualTo(200);
            assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
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

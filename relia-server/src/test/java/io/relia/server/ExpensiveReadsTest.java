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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stats and similar-incident search are computed once and kept, not per request, yet every answer reflects the writes
 * this server completed before it; stats summarise services rather than list every one.
 */
class ExpensiveReadsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path data;

    private IncidentStore store;
    private ReliaServer server;
    private HttpClient http;
    private String token;

    @BeforeEach
    void start() {
        store = IncidentStores.open(new StoreLocation.Sqlite(data));
        token = store.tokens().create("alice", Instant.now());
        server = ReliaServer.start(store, IncidentPolicy.DEFAULT, ReliaServer.Options.loopback(0));
        http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
        http.close();
    }

    private JsonNode json(String method, String path, String body, int status) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + server.port() + path)).timeout(TIMEOUT).method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private long declare(String title, String... services) throws Exception {
        String list = String.join("\", \"", services);
        return json("POST", "/api/v1/incidents", "{\"title\": \"" + title + "\", \"services\": ["
                + (services.length == 0 ? "" : "\"" + list + "\"") + "]}", 201).path("incident").path("id").asLong();
    }

    private List<String> similarTitles(String query) throws Exception {
        return json("GET", "/api/v1/similar?q=" + query, null, 200).path("results").valueStream()
                .map(result -> result.path("incident").path("title").asString()).toList();
    }

    @Test
    void statsCountAnIncidentDeclaredAMomentBefore() throws Exception {
        declare("Checkout answers 502", "checkout");
        assertThat(json("GET", "/api/v1/stats", null, 200).path("overall").path("count").asInt()).isEqualTo(1);

        declare("Payments time out", "payments");

        assertThat(json("GET", "/api/v1/stats", null, 200).path("overall").path("count").asInt()).isEqualTo(2);
    }

    @Test
    void statsListTheServicesWithMostIncidentsAndCountTheRest() throws Exception {
        declare("one", "checkout");
        declare("two", "checkout");
        declare("three", "payments");
        declare("four", "search");

        JsonNode stats = json("GET", "/api/v1/stats?services=1", null, 200);

        assertThat(stats.path("byService").propertyNames()).containsExactly("checkout");
        assertThat(stats.path("servicesOmitted").asInt()).isEqualTo(2);
        assertThat(stats.path("overall").path("count").asInt()).isEqualTo(4);
        assertThat(json("GET", "/api/v1/stats", null, 200).path("byService").propertyNames())
                .containsExactly("checkout", "payments", "search");
    }

    @Test
    void statsRefuseAPeriodOrServiceCountOutOfRange() throws Exception {
        assertThat(json("GET", "/api/v1/stats?since=99999999d", null, 400).path("message").asString())
                .contains("since");
        assertThat(json("GET", "/api/v1/stats?services=0", null, 400).path("message").asString())
                .contains("services must be a number from 1 to 1000");
    }

    @Test
    void similarSearchFindsAnIncidentDeclaredAfterTheIndexWasBuilt() throws Exception {
        declare("Checkout answers 502 after deploy", "checkout");
        assertThat(similarTitles("certificate+expired")).isEmpty();

        declare("TLS certificate expired on payments", "payments");

        assertThat(similarTitles("certificate+expired")).containsExactly("TLS certificate expired on payments");
    }

    @Test
    void similarSearchSeesAnEditedRootCauseAndNewActionItems() throws Exception {
        long id = declare("Checkout answers 502", "checkout");
        assertThat(similarTitles("ulimit")).isEmpty();

        json("PATCH", "/api/v1/incidents/" + id, "{\"rootCause\": \"the pods hit their file descriptor ulimit\"}",
                200);
        assertThat(similarTitles("ulimit")).containsExactly("Checkout answers 502");

        json("POST", "/api/v1/incidents/" + id + "/actions", "{\"title\": \"Alert on inode exhaustion\"}", 201);
        assertThat(similarTitles("inode")).containsExactly("Checkout answers 502");
    }
}

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

/** Editing incidents, timeline, postmortem, similar incidents, statistics and action items over HTTP. */
class IncidentRecordsApiTest {

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

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(TIMEOUT).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(String method, String path, String body, int status) throws Exception {
        HttpResponse<String> response = send(method, path, body);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    @Test
    void editsAnIncidentAndReadsItsRecords() throws Exception {
        json("POST", "/api/v1/incidents", "{\"title\": \"TLS certificate expired on payments\", \"severity\": \"SEV3\","
                + " \"services\": [\"payments\"]}", 201);
        json("POST", "/api/v1/incidents", "{\"title\": \"x509: certificate has expired for checkout\"}", 201);

        JsonNode edited = json("PATCH", "/api/v1/incidents/1", "{\"severity\": \"SEV2\", \"rootCause\":"
                + " \"manual renewal forgotten\", \"status\": \"identified\"}", 200);
        JsonNode timeline = json("GET", "/api/v1/incidents/1/timeline", null, 200);
        HttpResponse<String> markdown = send("GET", "/api/v1/incidents/1/postmortem", null);
        HttpResponse<String> html = send("GET", "/api/v1/incidents/1/postmortem?format=html", null);
        JsonNode similar = json("GET", "/api/v1/incidents/2/similar?limit=3", null, 200);
        JsonNode search = json("GET", "/api/v1/similar?q=certificate%20expired", null, 200);
        JsonNode stats = json("GET", "/api/v1/stats?since=30d", null, 200);

        assertThat(edited.get("incident").get("severity").asString()).isEqualTo("SEV2");
        assertThat(edited.get("incident").get("status").asString()).isEqualTo("identified");
        assertThat(timeline.get("timeline").toString()).contains("severity", "root_cause");
        assertThat(markdown.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/markdown");
        assertThat(markdown.body()).contains("# Postmortem: INC-1", "manual renewal forgotten");
        assertThat(html.body()).contains("<html", "manual renewal forgotten");
        assertThat(similar.get("results").get(0).get("incident").get("id").asLong()).isEqualTo(1);
        assertThat(search.get("results")).hasSize(2);
        assertThat(stats.toString()).contains("mtta");
    }

    @Test
    void tracksActionItems() throws Exception {
        json("POST", "/api/v1/incidents", "{\"title\": \"Checkout 502s\"}", 201);

        JsonNode added = json("POST", "/api/v1/incidents/1/actions", "{\"title\": \"Alert on pool saturation\","
                + " \"owner\": \"bob\", \"priority\": \"P1\", \"due\": \"2020-01-01\"}", 201);
        JsonNode overdue = json("GET", "/api/v1/actions?overdue=true", null, 200);
        JsonNode done = json("PATCH", "/api/v1/actions/" + added.get("actionItem").get("id").asLong(),
                "{\"status\": \"done\"}", 200);
        JsonNode open = json("GET", "/api/v1/actions?status=open&incident=1", null, 200);

        assertThat(overdue.get("actionItems")).hasSize(1);
        assertThat(done.get("actionItem").get("status").asString()).isEqualTo("done");
        assertThat(open.get("actionItems")).isEmpty();
    }

    @Test
    void refusesBadEditsWithAMessage() throws Exception {
        json("POST", "/api/v1/incidents", "{\"title\": \"x\"}", 201);

        assertThat(json("PATCH", "/api/v1/incidents/1", "{\"severity\": \"SEV9\"}", 400).get("message").asString())
                .contains("SEV9");
        assertThat(json("PATCH", "/api/v1/incidents/1", "{\"title\": \"\"}", 400).get("message").asString())
                .contains("title");
        assertThat(json("GET", "/api/v1/incidents/1/postmortem?format=pdf", null, 400).get("message").asString())
                .contains("markdown or html");
        assertThat(json("GET", "/api/v1/stats?since=soon", null, 400).get("message").asString()).contains("since");
        assertThat(json("GET", "/api/v1/similar", null, 400).get("message").asString()).contains("q is required");
        assertThat(json("PATCH", "/api/v1/incidents/9", "{\"summary\": \"s\"}", 404).get("message").asString())
                .contains("INC-9");
        assertThat(json("POST", "/api/v1/incidents/1/actions", "{\"due\": \"tomorrow\", \"title\": \"t\"}", 400)
                .get("message").asString()).contains("due");
    }

    @Test
    void patchesEveryFieldTheCliUpdates() throws Exception {
        json("POST", "/api/v1/incidents", "{\"title\": \"Checkout 502s\", \"declared\": \"2026-11-23T10:05:00Z\"}",
                201);

        JsonNode patched = json("PATCH", "/api/v1/incidents/1", """
                {"alerts": ["CheckoutHighErrorRate"], "slos": ["checkout/availability"], "drill": true,
                 "detected": "2026-11-23T10:01:00Z", "impactStarted": "2026-11-23T09:58:00Z",
                 "detectionNotes": "paged after 3m", "wentWell": "runbook", "wentWrong": "pool size unknown",
                 "gotLucky": "peak ended", "whys": ["pool too small", "default size"]}""", 200).get("incident");
        JsonNode unknown = json("PATCH", "/api/v1/incidents/1", "{\"severty\": \"SEV1\"}", 400);

        assertThat(patched.get("alerts").get(0).asString()).isEqualTo("CheckoutHighErrorRate");
        assertThat(patched.get("slos").get(0).asString()).isEqualTo("checkout/availability");
        assertThat(patched.get("drill").asBoolean()).isTrue();
        assertThat(patched.at("/times/detected").asString()).isEqualTo("2026-11-23T10:01:00Z");
        assertThat(patched.at("/times/impactStarted").asString()).isEqualTo("2026-11-23T09:58:00Z");
        assertThat(patched.at("/analysis/detection").asString()).isEqualTo("paged after 3m");
        assertThat(patched.at("/analysis/wentWrong").asString()).isEqualTo("pool size unknown");
        assertThat(patched.at("/analysis/fiveWhys")).hasSize(2);
        assertThat(unknown.get("message").asString()).startsWith("unknown field \"severty\"; expected any of");
    }
}

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
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** relia serve's incident API on a SQLite store, over real HTTP on 127.0.0.1. */
class ReliaServerTest {

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

    private HttpResponse<String> send(String method, String path, String body, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(TIMEOUT).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    @Test
    void writesNeedABearerTokenAndReadsDoNot() throws Exception {
        HttpResponse<String> anonymous = send("POST", "/api/v1/incidents", "{\"title\": \"x\"}", null);
        HttpResponse<String> forged = send("POST", "/api/v1/incidents", "{\"title\": \"x\"}", "relia_forged");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(json(anonymous).get("message").asString()).contains("bearer token");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value ->
                assertThat(value).startsWith("Bearer"));
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/v1/incidents", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void walksAnIncidentThroughItsLifecycleOverHttp() throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/incidents", """
                {"title": "Checkout 502s", "severity": "SEV2", "services": ["checkout"],
                 "labels": {"team": "shop"}, "alerts": ["CheckoutHighErrorRate"]}""", token);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/incidents/1");
        assertThat(json(created).at("/incident/severity").asString()).isEqualTo("SEV2");

        assertThat(send("POST", "/api/v1/incidents/1/ack", null, token).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/incidents/1/notes", "{\"text\": \"pool at 10/10\"}", token).statusCode())
                .isEqualTo(201);
        assertThat(send("POST", "/api/v1/incidents/INC-1/roles", "{\"role\": \"ic\", \"person\": \"bob\"}", token)
                .statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/incidents/1/resolve", "{\"rootCause\": \"pool too small\"}", token)
                .statusCode()).isEqualTo(200);

        JsonNode shown = json(send("GET", "/api/v1/incidents/1", null, null));
        assertThat(shown.at("/incident/status").asString()).isEqualTo("resolved");
        assertThat(shown.at("/incident/roles/commander").asString()).isEqualTo("bob");
        assertThat(shown.at("/incident/analysis/rootCause").asString()).isEqualTo("pool too small");
        assertThat(shown.get("timeline")).anySatisfy(entry -> assertThat(entry.get("actor").asString())
                .isEqualTo("alice"));
        assertThat(json(send("GET", "/api/v1/incidents?all=true", null, null)).get("incidents")).hasSize(1);
        assertThat(json(send("GET", "/api/v1/incidents", null, null)).get("incidents")).isEmpty();
    }

    @Test
    void answersEveryMistakeWithJsonAndTheRightStatus() throws Exception {
        send("POST", "/api/v1/incidents", "{\"title\": \"x\"}", token);

        assertThat(status(send("GET", "/api/v1/incidents/99", null, null))).isEqualTo("404 no incident INC-99");
        assertThat(status(send("GET", "/api/v1/incidents/abc", null, null))).startsWith("400 \"abc\" is not");
        assertThat(status(send("POST", "/api/v1/incidents", "{not json", token))).startsWith("400 the body is not");
        assertThat(status(send("POST", "/api/v1/incidents", "{\"severity\": \"SEV9\"}", token)))
                .isEqualTo("400 \"title\" is required");
        assertThat(status(send("POST", "/api/v1/incidents", "{\"title\": \"y\", \"severity\": \"SEV9\"}", token)))
                .startsWith("400 unknown severity");
        assertThat(status(send("POST", "/api/v1/incidents/1/close", null, token)))
                .startsWith("400 INC-1 is investigating");
        assertThat(status(send("POST", "/api/v1/incidents/1/explode", null, token))).startsWith("404 no action");
        assertThat(status(send("GET", "/api/v1/nothing", null, null))).startsWith("404 no such endpoint");
        String huge = "{\"title\": \"" + "x".repeat((int) ReliaServer.DEFAULT_MAX_BODY) + "\"}";
        assertThat(send("POST", "/api/v1/incidents", huge, token).statusCode()).isEqualTo(413);
    }

    @Test
    void storesHostileTextVerbatimThroughBoundParameters() throws Exception {
        String hostile = "'); DROP TABLE incidents; -- <script>alert(1)</script>";
        send("POST", "/api/v1/incidents", JSON.writeValueAsString(java.util.Map.of("title", hostile,
                "labels", java.util.Map.of("x'--", hostile))), token);

        JsonNode shown = json(send("GET", "/api/v1/incidents/1", null, null));
        assertThat(shown.at("/incident/title").asString()).isEqualTo(hostile);
        assertThat(shown.at("/incident/labels").get("x'--").asString()).isEqualTo(hostile);
    }

    @Test
    void reportsHealthAndReadiness() throws Exception {
        assertThat(json(send("GET", "/health", null, null)).get("status").asString()).isEqualTo("ok");
        assertThat(json(send("GET", "/ready", null, null)).get("status").asString()).isEqualTo("ready");
    }

    @Test
    void countsAndTimesEveryRequestByRouteAndStatus() throws Exception {
        send("GET", "/api/v1/incidents/7", null, null);
        send("POST", "/api/v1/incidents", "{\"title\": \"x\"}", token);

        String metrics = send("GET", "/metrics", null, null).body();

        assertThat(metrics).contains("relia_http_request_duration_seconds_count{method=\"GET\","
                + "route=\"/api/v1/incidents/{id}\",status=\"404\"} 1")
                .contains("route=\"/api/v1/incidents\",status=\"201\"} 1");
    }

    private HttpResponse<String> put(String path, String body, String ifMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(TIMEOUT).PUT(HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void replacesAnIncidentOnlyWhileItsEtagStillMatches() throws Exception {
        send("POST", "/api/v1/incidents", "{\"title\": \"Checkout 502s\"}", token);
        HttpResponse<String> read = send("GET", "/api/v1/incidents/1", null, null);
        String etag = read.headers().firstValue("ETag").orElseThrow();
        String edited = JSON.writeValueAsString(java.util.Map.of("incident", ((tools.jackson.databind.node.ObjectNode)
                json(read).get("incident")).put("summary", "a third of checkouts fail")));

        HttpResponse<String> missing = put("/api/v1/incidents/1", edited, null);
        HttpResponse<String> replaced = put("/api/v1/incidents/1", edited, etag);
        HttpResponse<String> stale = put("/api/v1/incidents/1", edited, etag);

        assertThat(status(missing)).startsWith("428 PUT needs If-Match");
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(replaced.headers().firstValue("ETag")).isPresent().isNotEqualTo(Optional.of(etag));
        assertThat(status(stale)).startsWith("412 INC-1 changed since it was read");
        assertThat(store.get(1).summary()).isEqualTo("a third of checkouts fail");
        assertThat(store.timeline(1)).filteredOn(entry -> "summary".equals(entry.field())).hasSize(1);
    }

    @Test
    void importsIncidentHistoryAllOrNothingAndSkipsWhatIsThere() throws Exception {
        String entry = """
                {"title": "Payments rejects every card", "severity": "SEV1", "declared": "2026-02-02T00:09:00Z",
                 "resolved": "2026-02-02T01:10:00Z", "root_cause": "expired certificate",
                 "action_items": [{"title": "Alert 30 days before expiry", "type": "prevent", "owner": "bob"}]}""";
        String broken = "{\"title\": \"x\", \"severity\": \"SEV9\", \"declared\": \"2026-02-02T00:09:00Z\"}";

        HttpResponse<String> refused = send("POST", "/api/v1/incidents/import",
                "{\"incidents\": [" + entry + ", " + broken + "]}", token);
        HttpResponse<String> imported = send("POST", "/api/v1/incidents/import", "{\"incidents\": [" + entry + "]}",
                token);
        HttpResponse<String> again = send("POST", "/api/v1/incidents/import",
                "{\"incidents\": [" + entry + "], \"skipExisting\": true}", token);

        assertThat(status(refused)).startsWith("400 nothing imported").contains("SEV9");
        assertThat(status(send("POST", "/api/v1/incidents/import", "{\"records\": []}", token)))
                .isEqualTo("400 unknown field \"records\"; expected incidents, skipExisting or source");
        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(json(imported).at("/imported/0/status").asString()).isEqualTo("closed");
        assertThat(json(again).get("imported")).isEmpty();
        assertThat(json(again).get("skipped").asInt()).isEqualTo(1);
        assertThat(store.list(io.relia.incident.IncidentQuery.ALL)).hasSize(1);
        assertThat(store.actions(Optional.of(1L))).extracting(io.relia.incident.ActionItem::owner)
                .containsExactly("bob");
    }

    @Test
    void declaresWithAnEarlierDeclarationTimeAndEveryRole() throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/incidents", """
                {"title": "Search slow", "declared": "2026-11-23T10:05:00Z", "detected": "2026-11-23T10:01:00Z",
                 "roles": {"commander": "alice", "scribe": "dan"}}""", token);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).at("/incident/times/declared").asString()).isEqualTo("2026-11-23T10:05:00Z");
        assertThat(json(created).at("/incident/roles/scribe").asString()).isEqualTo("dan");
        assertThat(status(send("POST", "/api/v1/incidents/1/notes", "{\"text\": \"x\", \"kind\": \"alert\"}",
                token))).isEqualTo("400 \"kind\" must be note or runbook");
    }

    private static String status(HttpResponse<String> response) {
        return response.statusCode() + " " + json(response).get("message").asString();
    }
}

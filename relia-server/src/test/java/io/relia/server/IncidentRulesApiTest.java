package io.relia.server;

import io.relia.incident.Incident;
import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentQuery;
import io.relia.incident.IncidentStore;
import io.relia.incident.TimelineEntry;
import io.relia.incident.store.IncidentStores;
import io.relia.incident.store.StoreLocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lifecycle, state and one-line rules on every write the API offers: POST, PUT, PATCH, the lifecycle endpoints,
 * notes, import and alert intake. Refusals are 400 with every broken rule at once; nothing is written.
 */
class IncidentRulesApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** An hour ago, to the second: every lifecycle moment of these tests lies between it and now. */
    private static final Instant DECLARED = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);

    @TempDir
    Path data;

    private IncidentStore store;
    private ReliaServer server;
    private HttpClient http;
    private String token;

    @BeforeEach
    void start() throws Exception {
        store = IncidentStores.open(new StoreLocation.Sqlite(data));
        token = store.tokens().create("alice", Instant.now());
        server = ReliaServer.start(store, IncidentPolicy.DEFAULT, ReliaServer.Options.loopback(0));
        http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        HttpResponse<String> created = send("POST", "/api/v1/incidents", "{\"title\": \"Checkout answers 502\","
                + " \"declared\": \"" + DECLARED + "\"}", null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
        http.close();
    }

    private HttpResponse<String> send(String method, String path, String body, String ifMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(TIMEOUT).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The messages of a 400's violations, after checking it is one. */
    private static List<String> refused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("error").asInt()).isEqualTo(400);
        List<String> messages = new ArrayList<>();
        body.get("violations").forEach(violation -> messages.add(violation.get("field").asString() + ": "
                + violation.get("message").asString()));
        assertThat(body.get("message").asString()).isEqualTo(String.join("; ", messages.stream()
                .map(line -> line.substring(line.indexOf(": ") + 2)).toList()));
        return messages;
    }

    /** PUT of the stored record with {@code edit} applied to its JSON, with a current ETag. */
    private HttpResponse<String> put(java.util.function.Consumer<ObjectNode> edit, String at) throws Exception {
        HttpResponse<String> read = send("GET", "/api/v1/incidents/1", null, null);
        ObjectNode incident = (ObjectNode) JSON.readTree(read.body()).get("incident");
        edit.accept(incident);
        Map<String, Object> body = at == null ? Map.of("incident", incident) : Map.of("incident", incident, "at", at);
        return send("PUT", "/api/v1/incidents/1", JSON.writeValueAsString(body),
                read.headers().firstValue("ETag").orElseThrow());
    }

    private Incident unchanged() {
        return store.get(1);
    }

    @Test
    void putRefusesAClosedStatusWithoutResolvedAndClosedTimes() throws Exception {
        Incident before = unchanged();

        assertThat(refused(put(incident -> incident.put("status", "closed"), null))).containsExactly(
                "status: status closed needs a resolved time", "status: status closed needs a closed time");
        assertThat(store.get(1)).isEqualTo(before);
    }

    @Test
    void putNamesEveryFieldOfTheWrongTypeOrFormAtOnceAndNeverAnswers500() throws Exception {
        Incident before = unchanged();

        HttpResponse<String> refused = put(incident -> {
            incident.putObject("title").put("text", "Checkout down");
            incident.put("drill", "yes");
            ((ObjectNode) incident.get("times")).put("detected", "x");
            incident.putArray("services").add(42);
        }, null);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("message").asString()).isEqualTo("not an incident record: "
                + "/title must be a string; /drill must be true or false; /services/0 must be a string; "
                + "/times/detected must be an ISO-8601 UTC time such as 2026-03-02T14:05:00Z, not \"x\"");
        assertThat(store.get(1)).isEqualTo(before);
    }

    @Test
    void putRefusesDetectionAfterDeclarationAndAnAcknowledgementIn1970AllAtOnce() throws Exception {
        Instant later = DECLARED.plusSeconds(60);

        assertThat(refused(put(incident -> ((ObjectNode) incident.get("times")).put("detected", later.toString())
                .put("acknowledged", "1970-01-01T00:00:00Z"), null))).containsExactly(
                "detected: detected " + later + " lies after declared " + DECLARED,
                "acknowledged: acknowledged 1970-01-01T00:00:00Z lies before detected " + later);
        assertThat(store.timeline(1)).hasSize(1);
    }

    @Test
    void patchRefusesWhatPutRefusesWithTheSameMessage() throws Exception {
        Instant later = DECLARED.plusSeconds(60);

        assertThat(refused(send("PATCH", "/api/v1/incidents/1", "{\"detected\": \"" + later + "\", \"impactStarted\":"
                + " \"" + later.plusSeconds(60) + "\"}", null))).containsExactly(
                "impact_started: impact_started " + later.plusSeconds(60) + " lies after detected " + later,
                "detected: detected " + later + " lies after declared " + DECLARED);
        assertThat(refused(send("PATCH", "/api/v1/incidents/1", "{\"title\": \"Checkout\\r502\"}", null)))
                .containsExactly("title: the title contains a carriage return (U+000D) at character 9; it must be one "
                        + "line without control characters");
    }

    @Test
    void aChangedDeclarationWritesATimelineEntryOnPatchAndPut() throws Exception {
        Instant earlier = DECLARED.minusSeconds(120);

        HttpResponse<String> patched = send("PATCH", "/api/v1/incidents/1", "{\"declared\": \"" + earlier
                + "\", \"detected\": \"" + earlier + "\"}", null);
        HttpResponse<String> replaced = put(incident -> ((ObjectNode) incident.get("times"))
                .put("declared", earlier.plusSeconds(60).toString()), null);

        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(store.timeline(1)).filteredOn(entry -> "declared".equals(entry.field()))
                .extracting(TimelineEntry::before, TimelineEntry::after).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(DECLARED.toString(), earlier.toString()),
                        org.assertj.core.groups.Tuple.tuple(earlier.toString(), earlier.plusSeconds(60).toString()));
    }

    @Test
    void putRecordsTheClientsTimeOnTheTimelineAndRefusesOneInTheFuture() throws Exception {
        Instant clientTime = DECLARED.plusSeconds(300);

        HttpResponse<String> replaced = put(incident -> incident.put("summary", "a third of orders fail"),
                clientTime.toString());
        List<String> future = refused(put(incident -> incident.put("summary", "from the future"),
                "9999-12-31T00:00:00Z"));

        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(store.timeline(1)).filteredOn(entry -> "summary".equals(entry.field()))
                .extracting(TimelineEntry::at).containsExactly(clientTime);
        assertThat(future).singleElement().asString().startsWith("at: at 9999-12-31T00:00:00Z lies in the future");
    }

    @Test
    void lifecycleEndpointsRefuseAResolutionIn1970AndAnAcknowledgementIn9999() throws Exception {
        Incident before = unchanged();

        List<String> resolved = refused(send("POST", "/api/v1/incidents/1/resolve",
                "{\"at\": \"1970-01-01T00:00:00Z\"}", null));
        List<String> acknowledged = refused(send("POST", "/api/v1/incidents/1/ack",
                "{\"at\": \"9999-12-31T00:00:00Z\"}", null));

        assertThat(resolved).contains("resolved: resolved 1970-01-01T00:00:00Z lies before declared " + DECLARED);
        assertThat(acknowledged).singleElement().asString()
                .startsWith("acknowledged: acknowledged 9999-12-31T00:00:00Z lies in the future (now ");
        assertThat(store.get(1)).isEqualTo(before);
        assertThat(send("POST", "/api/v1/incidents/1/ack", "{\"at\": \"" + DECLARED.plusSeconds(30) + "\"}", null)
                .statusCode()).isEqualTo(200);
    }

    @Test
    void declaringRefusesATitleWithALineBreakAndATimeInTheFuture() throws Exception {
        assertThat(refused(send("POST", "/api/v1/incidents", "{\"title\": \"Checkout\\n502\", \"declared\":"
                + " \"9999-12-31T00:00:00Z\"}", null))).extracting(line -> line.substring(0, line.indexOf(':')))
                .containsExactly("title", "detected", "declared");
        assertThat(refused(send("POST", "/api/v1/incidents/1/notes", "{\"text\": \"x\", \"at\":"
                + " \"9999-12-31T00:00:00Z\"}", null))).singleElement().asString().startsWith("at: at 9999");
        assertThat(store.list(IncidentQuery.ALL)).hasSize(1);
    }

    @Test
    void importRefusesEntriesThatBreakTheRulesAndImportsNothing() throws Exception {
        HttpResponse<String> refused = send("POST", "/api/v1/incidents/import", """
                {"incidents": [{"title": "Payments\\rrejects cards", "severity": "SEV1",
                  "declared": "2026-02-02T00:09:00Z", "resolved": "2026-02-02T00:01:00Z"}]}""", null);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("message").asString()).startsWith("nothing imported: ")
                .contains("the title contains a carriage return (U+000D)")
                .contains("resolved 2026-02-02T00:01:00Z lies before declared 2026-02-02T00:09:00Z");
        assertThat(store.list(IncidentQuery.ALL)).hasSize(1);
    }

    @Test
    void intakeNeutralisesLineBreaksInAnAlertInsteadOfDroppingIt() throws Exception {
        String webhook = """
                {"version": "4", "status": "firing", "receiver": "relia", "groupKey": "{}:{}", "alerts": [
                  {"status": "firing", "fingerprint": "f1", "labels": {"alertname": "Disk\\r\\nFull",
                   "service": "db"}, "annotations": {"summary": "disk\\u001b[2J almost full"},
                   "startsAt": "%s", "endsAt": "0001-01-01T00:00:00Z"}]}""".formatted(Instant.now().minusSeconds(60));

        HttpResponse<String> taken = send("POST", "/api/v1/alerts/alertmanager", webhook, null);

        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
        assertThat(store.list(IncidentQuery.ALL)).extracting(Incident::title)
                .contains("Disk Full on db: disk [2J almost full");
    }

    @Test
    void statsLeaveOutARecordThatBrokeTheRulesBeforeAndSaySo() throws Exception {
        send("POST", "/api/v1/incidents/1/resolve", "{}", null);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("relia.db"));
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE incidents SET resolved_at = 0, mitigated_at = 0 WHERE id = 1");
        }

        HttpResponse<String> stats = send("GET", "/api/v1/stats?since=30d", null, null);

        assertThat(stats.statusCode()).as(stats.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(stats.body());
        assertThat(body.at("/overall/mttr/n").asInt()).isZero();
        assertThat(body.at("/leftOut/0/metric").asString()).isEqualTo("MTTR");
        assertThat(body.at("/leftOut/0/reason").asString()).isEqualTo("mitigated before detected");
    }
}

package io.relia.server;

import io.relia.incident.IncidentQuery;
import io.relia.incident.TokenScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Scopes and expiry over real HTTP: each token does what its scopes allow and nothing else. */
class TokenScopeEnforcementTest {

    private static final String WEBHOOK = """
            {"version": "4", "status": "firing", "alerts": [{"status": "firing", "fingerprint": "f1",
             "labels": {"alertname": "CheckoutDown", "service": "checkout", "severity": "critical"}}]}""";
    private static final String HISTORY = """
            {"incidents": [{"title": "Payments down", "severity": "SEV1", "declared": "2026-02-02T00:09:00Z",
             "resolved": "2026-02-02T01:10:00Z"}]}""";

    @TempDir
    Path data;

    private ServedStore served;

    @AfterEach
    void stop() {
        if (served != null) {
            served.close();
        }
    }

    @Test
    void theIntakeTokenPostsAlertsButCannotEditImportOrCloseIncidents() throws Exception {
        served = new ServedStore(data);
        String intake = served.token("alertmanager", TokenScope.INTAKE);
        assertThat(served.call("POST", "/api/v1/alerts/alertmanager", WEBHOOK, intake).status()).isEqualTo(200);
        String etag = served.call("GET", "/api/v1/incidents/1", null, null).header("ETag").orElseThrow();
        String record = served.call("GET", "/api/v1/incidents/1", null, null).json().get("incident").toString();

        RawHttp.Answer note = served.call("POST", "/api/v1/incidents/1/notes", "{\"text\": \"x\"}", intake);
        RawHttp.Answer put = RawHttp.send(served.port(), "PUT /api/v1/incidents/1", "localhost", "Authorization: "
                + "Bearer " + intake + "\r\nContent-Type: application/json\r\nIf-Match: " + etag + "\r\n",
                "{\"incident\": " + record.replace("\"investigating\"", "\"monitoring\"") + "}");

        assertThat(note.problem()).isEqualTo("403 the token \"alertmanager\" has scope intake; "
                + "POST /api/v1/incidents/{id}/notes needs write");
        assertThat(note.json().get("missingScope").asString()).isEqualTo("write");
        assertThat(note.header("WWW-Authenticate")).contains(
                "Bearer realm=\"relia\", error=\"insufficient_scope\", scope=\"write\"");
        assertThat(put.status()).isEqualTo(403);
        assertThat(served.call("PATCH", "/api/v1/incidents/1", "{\"title\": \"mine\"}", intake).status())
                .isEqualTo(403);
        assertThat(served.call("POST", "/api/v1/incidents/1/close", null, intake).status()).isEqualTo(403);
        assertThat(served.call("POST", "/api/v1/incidents", "{\"title\": \"x\"}", intake).status()).isEqualTo(403);
        RawHttp.Answer imported = served.call("POST", "/api/v1/incidents/import", HISTORY, intake);
        assertThat(imported.json().get("missingScope").asString()).isEqualTo("admin");
        assertThat(served.store.list(IncidentQuery.ALL)).singleElement().satisfies(incident -> {
            assertThat(incident.title()).isEqualTo("CheckoutDown on checkout");
            assertThat(incident.status().label()).isEqualTo("investigating");
        });
        assertThat(served.store.timeline(1)).noneMatch(entry -> entry.actor().contains("alertmanager"));
    }

    @Test
    void aWriteTokenEditsIncidentsButNeitherImportsNorPostsAlerts() throws Exception {
        served = new ServedStore(data);
        String alice = served.token("alice", TokenScope.WRITE);

        assertThat(served.call("POST", "/api/v1/incidents", "{\"title\": \"Checkout 502s\"}", alice).status())
                .isEqualTo(201);
        assertThat(served.call("POST", "/api/v1/incidents/1/ack", null, alice).status()).isEqualTo(200);
        assertThat(served.call("POST", "/api/v1/incidents/1/notes", "{\"text\": \"pool full\"}", alice).status())
                .isEqualTo(201);
        assertThat(served.call("POST", "/api/v1/incidents/import", HISTORY, alice).problem())
                .isEqualTo("403 the token \"alice\" has scope write; POST /api/v1/incidents/import needs admin");
        assertThat(served.call("POST", "/api/v1/alerts/alertmanager", WEBHOOK, alice).json().get("missingScope")
                .asString()).isEqualTo("intake");
    }

    @Test
    void anAdminTokenImportsAndEdits() throws Exception {
        served = new ServedStore(data);
        String root = served.token("root", TokenScope.ADMIN);

        assertThat(served.call("POST", "/api/v1/incidents/import", HISTORY, root).status()).isEqualTo(200);
        assertThat(served.call("POST", "/api/v1/incidents/1/notes", "{\"text\": \"x\"}", root).status())
                .isEqualTo(201);
    }

    @Test
    void aPagerDutyRoutingKeyNeedsTheIntakeScopeToo() throws Exception {
        served = new ServedStore(data);
        String reader = served.token("grafana", TokenScope.READ);
        String intake = served.token("pagerduty", TokenScope.INTAKE);
        String event = """
                {"routing_key": "%s", "event_action": "trigger", "dedup_key": "db-1",
                 "payload": {"summary": "DB down", "source": "db-1", "severity": "error"}}""";

        assertThat(served.call("POST", "/api/v1/alerts/pagerduty", event.formatted(reader), null).problem())
                .isEqualTo("403 the token \"grafana\" has scope read; POST /api/v1/alerts/pagerduty needs intake");
        assertThat(served.call("POST", "/api/v1/alerts/pagerduty", event.formatted(intake), null).status())
                .isEqualTo(202);
    }

    @Test
    void withReadsNeedingATokenAReadTokenReadsAndNothingMore() throws Exception {
        served = new ServedStore(data, new ReliaServer.Options("127.0.0.1", 0, true, ReliaServer.DEFAULT_MAX_BODY,
                ReliaServer.DEFAULT_MAX_INTAKE_BODY, ReadLimits.DEFAULT, List.of()),
                Clock.systemUTC());
        String reader = served.token("grafana", TokenScope.READ);
        String intake = served.token("alertmanager", TokenScope.INTAKE);
        String writer = served.token("alice", TokenScope.WRITE);

        assertThat(served.call("GET", "/api/v1/incidents", null, null).status()).isEqualTo(401);
        assertThat(served.call("GET", "/api/v1/incidents", null, reader).status()).isEqualTo(200);
        assertThat(served.call("GET", "/api/v1/incidents", null, writer).status()).isEqualTo(200);
        assertThat(served.call("GET", "/api/v1/incidents", null, intake).json().get("missingScope").asString())
                .isEqualTo("read");
        assertThat(served.call("POST", "/api/v1/incidents", "{\"title\": \"x\"}", reader).status()).isEqualTo(403);
        assertThat(served.call("GET", "/health", null, null).status()).isEqualTo(200);
    }

    @Test
    void anExpiredTokenIsRefusedSayingItExpired() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Clock twoHoursLater = Clock.offset(Clock.systemUTC(), Duration.ofHours(2));
        served = new ServedStore(data, ReliaServer.Options.loopback(0), twoHoursLater);
        Instant expiry = now.plus(Duration.ofHours(1));
        String expired = served.store.tokens().create("ci", Set.of(TokenScope.WRITE), Optional.of(expiry), now);
        String live = served.store.tokens().create("ci-next", Set.of(TokenScope.WRITE),
                Optional.of(now.plus(Duration.ofDays(1))), now);

        RawHttp.Answer refused = served.call("POST", "/api/v1/incidents", "{\"title\": \"x\"}", expired);

        assertThat(refused.problem()).isEqualTo("401 the bearer token \"ci\" expired at " + expiry
                + "; create a new one with relia token create");
        assertThat(refused.header("WWW-Authenticate")).hasValueSatisfying(value ->
                assertThat(value).contains("error=\"invalid_token\"").contains("expired"));
        assertThat(served.call("POST", "/api/v1/incidents", "{\"title\": \"x\"}", live).status()).isEqualTo(201);
    }

    @Test
    void aTokenWithEveryScopeDoesWhatTokensDidBeforeScopes() throws Exception {
        served = new ServedStore(data);
        String all = served.store.tokens().create("legacy", Instant.now());

        assertThat(served.call("POST", "/api/v1/alerts/alertmanager", WEBHOOK, all).status()).isEqualTo(200);
        assertThat(served.call("POST", "/api/v1/incidents/1/notes", "{\"text\": \"x\"}", all).status())
                .isEqualTo(201);
        assertThat(served.call("POST", "/api/v1/incidents/import", HISTORY, all).status()).isEqualTo(200);
    }
}

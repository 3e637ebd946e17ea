package io.relia.server.intake;

import io.relia.incident.Incident;
import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentQuery;
import io.relia.incident.IncidentSettings;
import io.relia.incident.IncidentSeverity;
import io.relia.incident.IncidentStatus;
import io.relia.incident.TimelineEntry;
import io.relia.incident.intake.AlertRecord;
import io.relia.incident.intake.IntakeRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.relia.server.intake.ServerHarness.JSON;
import static io.relia.server.intake.ServerHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Alert intake over real HTTP with webhook bodies shaped as Alertmanager and PagerDuty send them. */
class AlertIntakeTest {

    private static final String AM = "/api/v1/alerts/alertmanager";
    private static final String PD = "/api/v1/alerts/pagerduty";

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

    /** An alert as Alertmanager's webhook carries it. */
    static ObjectNode alert(String status, String fingerprint, Map<String, String> labels, String summary) {
        ObjectNode alert = JSON.createObjectNode();
        alert.put("status", status);
        ObjectNode labelNode = alert.putObject("labels");
        labels.forEach(labelNode::put);
        alert.putObject("annotations").put("summary", summary).put("runbook_url", "https://runbooks/" + fingerprint);
        alert.put("startsAt", Instant.now().minusSeconds(60).toString());
        alert.put("endsAt", "resolved".equals(status) ? Instant.now().toString() : "0001-01-01T00:00:00Z");
        alert.put("generatorURL", "http://prometheus:9090/graph?g0.expr=up");
        alert.put("fingerprint", fingerprint);
        return alert;
    }

    /** A version 4 webhook body, with the fields newer Alertmanagers add (which must be ignored). */
    static String webhook(ObjectNode... alerts) {
        ObjectNode body = JSON.createObjectNode();
        body.put("version", "4");
        body.put("groupKey", "{}:{alertname=\"x\"}");
        body.put("truncatedAlerts", 0);
        body.put("status", alerts[0].get("status").asString());
        body.put("receiver", "relia");
        body.putObject("groupLabels").put("alertname", "x");
        body.putObject("commonLabels");
        body.putObject("commonAnnotations");
        body.put("externalURL", "http://alertmanager:9093");
        body.put("notification_reason", "new_alerts");
        body.putObject("routeLabels").put("team", "payments");
        body.putArray("someFieldFromTheFuture").add(1);
        ArrayNode list = body.putArray("alerts");
        for (ObjectNode alert : alerts) {
            list.add(alert);
        }
        return body.toString();
    }

    private List<Incident> incidents() {
        return harness.store.list(IncidentQuery.ALL.openOnly(false).limit(1000));
    }

    @Test
    void aFiringAlertOpensAnIncidentAndItsRepeatsChangeNothingButTheCount() throws Exception {
        String body = webhook(alert("firing", "a1", Map.of("alertname", "HighErrorRate", "service", "checkout",
                "severity", "critical"), "5xx above 2%"));

        HttpResponse<String> first = harness.post(AM, body);
        HttpResponse<String> again = harness.post(AM, body);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(json(first).get("opened").get(0).asString()).isEqualTo("INC-1");
        assertThat(json(again).get("outcomes").get("repeated").asInt()).isEqualTo(1);
        assertThat(incidents()).singleElement().satisfies(incident -> {
            assertThat(incident.title()).isEqualTo("HighErrorRate on checkout: 5xx above 2%");
            assertThat(incident.severity()).isEqualTo(IncidentSeverity.SEV2);
            assertThat(incident.services()).containsExactly("checkout");
            assertThat(incident.alerts()).containsExactly("HighErrorRate");
            assertThat(incident.times().detected()).isBefore(incident.times().declared());
        });
        List<AlertRecord> alerts = harness.store.alerts(1);
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.key()).isEqualTo("a1");
            assertThat(alert.receiveCount()).isEqualTo(2);
            assertThat(alert.firing()).isTrue();
            assertThat(alert.annotations()).containsEntry("runbook_url", "https://runbooks/a1");
        });
        JsonNode api = harness.get("/api/v1/incidents/1/alerts");
        assertThat(api.get("alerts").get(0).get("fingerprint").asString()).isEqualTo("a1");
        assertThat(api.get("alerts").get(0).get("receiveCount").asInt()).isEqualTo(2);
        assertThat(harness.store.timeline(1)).filteredOn(entry -> entry.kind() == TimelineEntry.Kind.ALERT)
                .hasSize(1);
        String metrics = harness.text("/metrics");
        assertThat(metrics).contains("relia_alerts_received_total{outcome=\"opened\",source=\"alertmanager\"} 1.0",
                "relia_alerts_received_total{outcome=\"repeated\",source=\"alertmanager\"} 1.0",
                "relia_incidents_open{severity=\"SEV2\"} 1.0");
    }

    @Test
    void alertsOfOneServiceShareAnIncidentAndTheWorstSeverityWins() throws Exception {
        harness.post(AM, webhook(alert("firing", "a1", Map.of("alertname", "HighLatency", "service", "checkout",
                "severity", "warning"), "p99 above 500ms")));
        harness.post(AM, webhook(alert("firing", "a2", Map.of("alertname", "HighErrorRate", "service", "checkout",
                "severity", "critical"), "5xx")));
        harness.post(AM, webhook(alert("firing", "b1", Map.of("alertname", "DiskFull", "service", "search",
                "severity", "info"), "disk")));

        List<Incident> incidents = incidents();
        assertThat(incidents).hasSize(2);
        Incident checkout = harness.store.get(1);
        assertThat(checkout.alerts()).containsExactly("HighLatency", "HighErrorRate");
        assertThat(checkout.severity()).isEqualTo(IncidentSeverity.SEV2);
        assertThat(harness.store.timeline(1)).anySatisfy(entry -> {
            assertThat(entry.field()).isEqualTo("severity");
            assertThat(entry.before()).isEqualTo("SEV3");
            assertThat(entry.after()).isEqualTo("SEV2");
        });
        assertThat(harness.store.get(2).severity()).isEqualTo(IncidentSeverity.SEV4);
    }

    @Test
    void aGroupStopsAcceptingAlertsAfterItsWindow() throws Exception {
        harness.post(AM, webhook(alert("firing", "a1", Map.of("alertname", "A", "service", "checkout"), "")));
        harness.clock.advance(Duration.ofMinutes(59));
        harness.post(AM, webhook(alert("firing", "a2", Map.of("alertname", "B", "service", "checkout"), "")));
        harness.clock.advance(Duration.ofMinutes(61));
        harness.post(AM, webhook(alert("firing", "a3", Map.of("alertname", "C", "service", "checkout"), "")));

        assertThat(incidents()).extracting(Incident::alerts)
                .containsExactlyInAnyOrder(List.of("A", "B"), List.of("C"));
    }

    @Test
    void whenItsLastAlertResolvesTheIncidentMovesToMonitoringAndBackIfOneFiresAgain() throws Exception {
        Map<String, String> one = Map.of("alertname", "A", "service", "checkout");
        Map<String, String> two = Map.of("alertname", "B", "service", "checkout");
        harness.post(AM, webhook(alert("firing", "a1", one, ""), alert("firing", "a2", two, "")));

        harness.post(AM, webhook(alert("resolved", "a1", one, "")));
        IncidentStatus afterOne = harness.store.get(1).status();
        harness.post(AM, webhook(alert("resolved", "a2", two, "")));
        IncidentStatus afterBoth = harness.store.get(1).status();
        HttpResponse<String> resolvedAgain = harness.post(AM, webhook(alert("resolved", "a2", two, "")));
        harness.post(AM, webhook(alert("firing", "a1", one, "")));

        assertThat(afterOne).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(afterBoth).isEqualTo(IncidentStatus.MONITORING);
        assertThat(json(resolvedAgain).get("outcomes").get("repeated").asInt()).isEqualTo(1);
        Incident incident = harness.store.get(1);
        assertThat(incident.status()).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(harness.store.alerts(1)).extracting(AlertRecord::key, AlertRecord::firing)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("a1", true),
                        org.assertj.core.groups.Tuple.tuple("a2", false));
        assertThat(harness.store.timeline(1)).extracting(TimelineEntry::describe)
                .contains("alert A resolved", "alert B resolved")
                .anySatisfy(text -> assertThat(text).startsWith("alert A fired again"));
    }

    @Test
    void anAlertFiringAfterItsIncidentWasResolvedOpensANewOne() throws Exception {
        Map<String, String> labels = Map.of("alertname", "A", "service", "checkout");
        harness.post(AM, webhook(alert("firing", "a1", labels, "")));
        harness.store.change(1, "alice", harness.clock.instant(), incident -> incident.resolve(harness.clock
                .instant()));
        HttpResponse<String> lateResolve = harness.post(AM, webhook(alert("resolved", "a1", labels, "")));
        harness.post(AM, webhook(alert("firing", "a1", labels, "")));

        assertThat(json(lateResolve).get("outcomes").get("ignored").asInt()).isEqualTo(1);
        assertThat(incidents()).hasSize(2);
        assertThat(harness.store.alerts(2)).singleElement().satisfies(alert -> assertThat(alert.firing()).isTrue());
    }

    @Test
    void severityAndGroupingFollowTheIntakeRules() throws Exception {
        harness.close();
        IntakeRules rules = new IntakeRules(List.of("team", "cluster"), Duration.ofMinutes(5), "priority",
                Map.of("urgent", IncidentSeverity.SEV1), IncidentSeverity.SEV4);
        harness = new ServerHarness(data.resolve("rules"), new IncidentSettings(IncidentPolicy.DEFAULT, rules,
                List.of()));
        harness.post(AM, webhook(alert("firing", "a1", Map.of("alertname", "A", "team", "pay", "priority",
                "urgent"), ""), alert("firing", "a2", Map.of("alertname", "B", "team", "pay"), ""),
                alert("firing", "a3", Map.of("alertname", "C", "team", "search", "priority", "P2"), "")));

        assertThat(incidents()).extracting(Incident::alerts, Incident::severity).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(List.of("A", "B"), IncidentSeverity.SEV1),
                org.assertj.core.groups.Tuple.tuple(List.of("C"), IncidentSeverity.SEV2));
    }

    @Test
    void hostileLabelsAreStoredVerbatimAndNeverRunAsSql() throws Exception {
        String hostile = "x'); DROP TABLE incidents; --";
        String script = "<script>alert(1)</script>";
        harness.post(AM, webhook(alert("firing", "'; DELETE FROM alerts; --", Map.of("alertname", script,
                "service", hostile, "severity", "' OR '1'='1"), "\" onmouseover=\"alert(1)")));

        Incident incident = harness.store.get(1);
        assertThat(incident.services()).containsExactly(hostile);
        assertThat(incident.alerts()).containsExactly(script);
        assertThat(harness.store.alerts(1)).singleElement().satisfies(alert -> {
            assertThat(alert.key()).isEqualTo("'; DELETE FROM alerts; --");
            assertThat(alert.labels()).containsEntry("service", hostile);
        });
        JsonNode api = harness.get("/api/v1/incidents/1/alerts");
        assertThat(api.get("alerts").get(0).get("alertname").asString()).isEqualTo(script);
    }

    @Test
    void anAlertWithoutFingerprintIsIdentifiedByItsLabels() throws Exception {
        ObjectNode first = alert("firing", "", Map.of("alertname", "A", "service", "s", "pod", "p1"), "");
        first.remove("fingerprint");
        ObjectNode reordered = alert("firing", "", Map.of("pod", "p1", "service", "s", "alertname", "A"), "");
        reordered.remove("fingerprint");

        harness.post(AM, webhook(first));
        harness.post(AM, webhook(reordered));

        assertThat(harness.store.alerts(1)).singleElement().satisfies(alert -> {
            assertThat(alert.key()).hasSize(32);
            assertThat(alert.receiveCount()).isEqualTo(2);
        });
    }

    @Test
    void refusesWhatIsNotAWebhookWithAMessageAndNeedsAToken() throws Exception {
        ObjectNode noStatus = alert("firing", "a1", Map.of("alertname", "A"), "");
        noStatus.put("status", "pending");
        ObjectNode badTime = alert("firing", "a1", Map.of("alertname", "A"), "");
        badTime.put("startsAt", "yesterday");

        assertThat(harness.post(AM, webhook(alert("firing", "a", Map.of("alertname", "A"), "")), null)
                .statusCode()).isEqualTo(401);
        assertThat(harness.post(AM, "{\"version\": \"4\"}")).satisfies(answer -> {
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(json(answer).get("message").asString()).contains("\"alerts\" must be an array");
        });
        assertThat(json(harness.post(AM, webhook(noStatus))).get("message").asString())
                .isEqualTo("alerts[0].status is \"pending\"; expected firing or resolved");
        assertThat(json(harness.post(AM, webhook(badTime))).get("message").asString())
                .contains("alerts[0].startsAt", "RFC 3339");
        assertThat(harness.post(AM, "{\"version\": \"5\", \"alerts\": []}").statusCode()).isEqualTo(400);
        assertThat(harness.post(AM, "not json").statusCode()).isEqualTo(400);
        assertThat(incidents()).isEmpty();
    }

    @Test
    void pagerDutyEventsTriggerAcknowledgeAndResolveByDedupKey() throws Exception {
        String trigger = """
                {"routing_key": "R0UTINGKEY0000000000000000000000", "event_action": "trigger",
                 "dedup_key": "checkout-db-1", "client_url": "https://monitoring/checkout",
                 "payload": {"summary": "DB connections exhausted", "source": "db-1.prod", "severity": "critical",
                             "component": "postgres", "custom_details": {"service": "checkout", "pool": 50}}}""";
        HttpResponse<String> triggered = harness.post(PD, trigger);
        HttpResponse<String> acknowledged = harness.post(PD, """
                {"routing_key": "x", "event_action": "acknowledge", "dedup_key": "checkout-db-1"}""");
        HttpResponse<String> resolved = harness.post(PD, """
                {"routing_key": "x", "event_action": "resolve", "dedup_key": "checkout-db-1"}""");

        assertThat(triggered.statusCode()).isEqualTo(202);
        assertThat(json(triggered).get("status").asString()).isEqualTo("success");
        assertThat(json(triggered).get("message").asString()).isEqualTo("Event processed");
        assertThat(json(triggered).get("dedup_key").asString()).isEqualTo("checkout-db-1");
        assertThat(acknowledged.statusCode()).isEqualTo(202);
        assertThat(resolved.statusCode()).isEqualTo(202);
        Incident incident = harness.store.get(1);
        assertThat(incident.title()).isEqualTo("DB connections exhausted on checkout");
        assertThat(incident.severity()).isEqualTo(IncidentSeverity.SEV2);
        assertThat(incident.times().acknowledged()).isNotNull();
        assertThat(incident.status()).isEqualTo(IncidentStatus.MONITORING);
        assertThat(harness.store.alerts(1)).singleElement().satisfies(alert -> {
            assertThat(alert.generatorUrl()).isEqualTo("https://monitoring/checkout");
            assertThat(alert.annotations()).containsEntry("pool", "50");
            assertThat(alert.firing()).isFalse();
        });
    }

    @Test
    void pagerDutyAnswersLikePagerDuty() throws Exception {
        HttpResponse<String> generated = harness.post(PD, """
                {"routing_key": "k", "event_action": "trigger",
                 "payload": {"summary": "s", "source": "h", "severity": "info"}}""");
        HttpResponse<String> invalid = harness.post(PD, """
                {"routing_key": "k", "event_action": "trigger", "payload": {"summary": "", "severity": "fatal"}}""");
        HttpResponse<String> noKey = harness.post(PD, """
                {"routing_key": "k", "event_action": "resolve"}""");

        assertThat(json(generated).get("dedup_key").asString()).hasSize(32);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid).get("status").asString()).isEqualTo("invalid event");
        assertThat(json(invalid).get("errors")).extracting(JsonNode::asString).containsExactly(
                "'payload.summary' is missing or blank", "'payload.source' is missing or blank",
                "'payload.severity' is \"fatal\"; expected critical, error, warning or info");
        assertThat(json(noKey).get("errors").get(0).asString()).isEqualTo("'dedup_key' is required to resolve");
    }

    @Test
    void aPagerDutySenderMayCarryTheTokenAsItsRoutingKey() throws Exception {
        String event = """
                {"routing_key": "%s", "event_action": "trigger",
                 "payload": {"summary": "s", "source": "h", "severity": "warning"}}""";

        HttpResponse<String> withKey = harness.post(PD, event.formatted(harness.token), null);
        HttpResponse<String> withWrongKey = harness.post(PD, event.formatted("relia_wrong"), null);

        assertThat(withKey.statusCode()).isEqualTo(202);
        assertThat(withWrongKey.statusCode()).isEqualTo(401);
        assertThat(harness.store.timeline(1).get(0).text()).contains("from PagerDuty alert s");
    }

    @Test
    void concurrentWebhooksAreEachCommittedOnceInSharedTransactions() throws Exception {
        int senders = 8;
        int perSender = 40;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int sender = 0; sender < senders; sender++) {
                int id = sender;
                statuses.add(pool.submit(() -> {
                    int ok = 0;
                    for (int n = 0; n < perSender; n++) {
                        String key = "s" + id + "-" + n;
                        HttpResponse<String> answer = harness.post(AM, webhook(
                                alert("firing", key, Map.of("alertname", "A" + n, "service", "svc" + id), ""),
                                alert("firing", key + "-dup", Map.of("alertname", "B" + n, "service", "svc" + id),
                                        "")));
                        ok += answer.statusCode() == 200 ? 1 : 0;
                    }
                    return ok;
                }));
            }
            int ok = 0;
            for (Future<Integer> status : statuses) {
                ok += status.get(120, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertThat(ok).isEqualTo(senders * perSender);
        } finally {
            pool.shutdownNow();
        }
        List<Incident> incidents = incidents();
        assertThat(incidents).hasSize(senders);
        long alerts = incidents.stream().mapToLong(incident -> harness.store.alerts(incident.id()).size()).sum();
        assertThat(alerts).isEqualTo(2L * senders * perSender);
    }
}

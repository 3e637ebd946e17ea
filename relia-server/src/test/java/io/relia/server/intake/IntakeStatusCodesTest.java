package io.relia.server.intake;

import io.relia.incident.Incident;
import io.relia.incident.IncidentQuery;
import io.relia.incident.IncidentSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import static io.relia.server.intake.ServerHarness.JSON;
import static io.relia.server.intake.ServerHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the intake answers decides whether alerts survive: Alertmanager retries a 5xx for ever and never retries a
 * 4xx. So an alert with a bad field is skipped (listed in a 200) while its neighbours are stored, a webhook of which
 * nothing can be stored is a 400 naming the field, and no input is a 500.
 */
class IntakeStatusCodesTest {

    private static final String AM = "/api/v1/alerts/alertmanager";
    private static final String PD = "/api/v1/alerts/pagerduty";
    private static final String OVERFLOWING = "+999999999-12-31T23:59:59Z";

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

    private static ObjectNode alert(String name, String fingerprint, String startsAt) {
        ObjectNode alert = JSON.createObjectNode();
        alert.put("status", "firing");
        alert.putObject("labels").put("alertname", name).put("service", name.toLowerCase(java.util.Locale.ROOT));
        alert.put("startsAt", startsAt);
        alert.put("endsAt", "0001-01-01T00:00:00Z");
        alert.put("fingerprint", fingerprint);
        return alert;
    }

    private static String webhook(ObjectNode... alerts) {
        ObjectNode body = JSON.createObjectNode();
        body.put("version", "4");
        ArrayNode list = body.putArray("alerts");
        for (ObjectNode alert : alerts) {
            list.add(alert);
        }
        return JSON.writeValueAsString(body);
    }

    private List<String> storedAlertNames() {
        return harness.store.list(IncidentQuery.ALL.openOnly(false)).stream()
                .flatMap(incident -> incident.alerts().stream()).toList();
    }

    @Test
    void storesTheGoodAlertBesideOneWhoseStartsAtOverflows() throws Exception {
        HttpResponse<String> answer = harness.post(AM, webhook(alert("Good", "good1", Instant.now().toString()),
                alert("Bad", "bad1", OVERFLOWING)));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode body = json(answer);
        assertThat(body.path("outcomes").path("opened").asInt()).isEqualTo(1);
        assertThat(body.path("outcomes").path("skipped").asInt()).isEqualTo(1);
        JsonNode skipped = body.path("skipped").get(0);
        assertThat(skipped.path("index").asInt()).isEqualTo(1);
        assertThat(skipped.path("fingerprint").asString()).isEqualTo("bad1");
        assertThat(skipped.path("reason").asString()).contains("alerts[1].startsAt").contains(OVERFLOWING);
        assertThat(storedAlertNames()).containsExactly("Good");
    }

    @Test
    void countsSkippedAlertsInTheMetrics() throws Exception {
        harness.post(AM, webhook(alert("Good", "good1", Instant.now().toString()), alert("Bad", "bad1", OVERFLOWING)));

        assertThat(harness.text("/metrics"))
                .contains("relia_alerts_received_total{outcome=\"skipped\",source=\"alertmanager\"} 1.0");
    }

    @Test
    void refusesWithA400NamingTheFieldAWebhookOfWhichNothingCanBeStored() throws Exception {
        HttpResponse<String> answer = harness.post(AM, webhook(alert("Bad", "bad1", OVERFLOWING)));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json(answer).path("message").asString()).startsWith("alerts[0].startsAt is \"" + OVERFLOWING);
        assertThat(storedAlertNames()).isEmpty();
    }

    @Test
    void refusesWithA400AnEnvelopeThatIsNotAWebhook() throws Exception {
        HttpResponse<String> notAnArray = harness.post(AM, "{\"version\": \"4\", \"alerts\": {}}");
        HttpResponse<String> version = harness.post(AM, "{\"version\": \"5\", \"alerts\": []}");

        assertThat(notAnArray.statusCode()).isEqualTo(400);
        assertThat(json(notAnArray).path("message").asString()).contains("\"alerts\" must be an array");
        assertThat(version.statusCode()).isEqualTo(400);
        assertThat(json(version).path("message").asString()).contains("version");
    }

    @Test
    void skipsAnAlertWithANulCharacterWhichPostgresqlCannotStore() throws Exception {
        ObjectNode nul = alert("Nul", "nul1", Instant.now().toString());
        ((ObjectNode) nul.get("labels")).put("pod", "checkout\u0000-1");

        HttpResponse<String> answer = harness.post(AM, webhook(nul, alert("Good", "good1", Instant.now().toString())));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json(answer).path("skipped").get(0).path("reason").asString())
                .isEqualTo("alerts[0].labels.pod contains a NUL character");
        assertThat(storedAlertNames()).containsExactly("Good");
    }

    @Test
    void refusesAPagerDutyTimestampThatOverflowsWithA400NamingIt() throws Exception {
        HttpResponse<String> answer = harness.post(PD, "{\"routing_key\": \"k\", \"event_action\": \"trigger\","
                + " \"payload\": {\"summary\": \"s\", \"source\": \"db-1\", \"severity\": \"error\", \"timestamp\": \""
                + OVERFLOWING + "\"}}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json(answer).path("message").asString()).contains("'payload.timestamp'").contains(OVERFLOWING);
    }

    /** Webhooks with absurd values in random places: every answer is a 200 or a 400, never a 5xx. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void neverAnswers5xxWhateverTheAlertsHold(int seed) throws Exception {
        Random random = new Random(seed);
        for (int round = 0; round < 10; round++) {
            ObjectNode[] alerts = new ObjectNode[1 + random.nextInt(4)];
            for (int i = 0; i < alerts.length; i++) {
                alerts[i] = alert("Alert" + seed + "x" + round, "fp-" + seed + "-" + round + "-" + i,
                        Instant.now().toString());
                if (random.nextInt(3) > 0) {
                    mutate(alerts[i], random);
                }
            }
            HttpResponse<String> answer = harness.post(AM, webhook(alerts));

            assertThat(answer.statusCode()).as(answer.body()).isIn(200, 400);
            assertThat(json(answer).isObject()).isTrue();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void neverAnswers5xxWhateverAPagerDutyEventHolds(int seed) throws Exception {
        Random random = new Random(seed);
        for (int round = 0; round < 10; round++) {
            ObjectNode event = JSON.createObjectNode();
            event.put("routing_key", "k");
            event.put("event_action", "trigger");
            event.put("dedup_key", "pd-" + seed + "-" + round);
            ObjectNode payload = event.putObject("payload");
            payload.put("summary", "disk full").put("source", "db-1").put("severity", "error")
                    .put("timestamp", Instant.now().toString());
            payload.putObject("custom_details").put("service", "db");
            mutate(random.nextBoolean() ? payload : event, random);

            HttpResponse<String> answer = harness.post(PD, JSON.writeValueAsString(event));

            assertThat(answer.statusCode()).as(answer.body()).isIn(202, 400);
        }
    }

    /** Replaces one field, picked at random, with an absurd value. */
    private static void mutate(ObjectNode node, Random random) {
        List<String> fields = List.copyOf(node.propertyNames());
        String field = random.nextInt(5) == 0 ? "unknown" + random.nextInt(9) : fields.get(random.nextInt(fields.size()));
        JsonNode current = node.get(field);
        if (current != null && current.isObject() && random.nextBoolean()) {
            mutate((ObjectNode) current, random);
            return;
        }
        List<Consumer<String>> absurd = List.of(
                name -> node.put(name, OVERFLOWING),
                name -> node.put(name, "-999999999-01-01T00:00:00Z"),
                name -> node.put(name, "9999-12-31T23:59:59.999999999-18:00"),
                name -> node.put(name, "2026-13-45T99:99:99Z"),
                name -> node.put(name, ""),
                name -> node.put(name, "\u0000"),
                name -> node.put(name, "x".repeat(100_000)),
                name -> node.put(name, 1e308),
                name -> node.put(name, Long.MIN_VALUE),
                name -> node.put(name, true),
                name -> node.putNull(name),
                name -> node.putObject(name).putArray("deep").addObject().put("x", 1),
                name -> node.putArray(name).add("a").add(2),
                name -> node.put(name, "\u202e\u001b[2J"));
        absurd.get(random.nextInt(absurd.size())).accept(field);
    }

    @Test
    void keepsIncidentsOfStoredAlertsIntact() throws Exception {
        harness.post(AM, webhook(alert("Good", "good1", Instant.now().toString()), alert("Bad", "bad1", OVERFLOWING)));

        Incident opened = harness.store.list(IncidentQuery.ALL).getFirst();
        assertThat(harness.store.alerts(opened.id())).singleElement()
                .satisfies(stored -> assertThat(stored.key()).isEqualTo("good1"));
    }
}

package io.relia.server.notify;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.relia.incident.Incident;
import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentSettings;
import io.relia.incident.IncidentSeverity;
import io.relia.incident.IncidentStore;
import io.relia.incident.TimelineEntry;
import io.relia.incident.intake.IntakeRules;
import io.relia.incident.notify.NotificationTarget;
import io.relia.incident.notify.NotificationTarget.Event;
import io.relia.incident.notify.NotificationTarget.Kind;
import io.relia.incident.store.IncidentStores;
import io.relia.incident.store.StoreLocation;
import io.relia.server.ReliaServer;
import io.relia.server.ServerSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Notifications to real HTTP receivers on 127.0.0.1: retries, signatures, bounds, outcomes on the timeline. */
class NotifierTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50));
    private static final String HOSTILE = "<script>alert(1)</script> & <!channel>";

    @TempDir
    Path data;

    private IncidentStore store;
    private Receiver receiver;
    private final PrometheusRegistry registry = new PrometheusRegistry();

    @BeforeEach
    void start() {
        store = IncidentStores.open(new StoreLocation.Sqlite(data));
        receiver = new Receiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
        store.close();
    }

    private NotificationTarget target(Kind kind) {
        return target(kind, receiver.url(), Optional.empty());
    }

    private static NotificationTarget target(Kind kind, URI url, Optional<String> secret) {
        return new NotificationTarget("ops-chat", kind, url, secret, EnumSet.noneOf(Event.class),
                IncidentSeverity.SEV4);
    }

    private Notifier notifier(RetryPolicy retry, NotificationTarget... targets) {
        return new Notifier(List.of(targets), store, IncidentPolicy.DEFAULT, Clock.systemUTC(), retry, registry,
                Optional.of("https://relia.example"));
    }

    private Incident incident() {
        return store.create(Incident.declare(HOSTILE, IncidentSeverity.SEV2, Instant.now())
                .withServices(List.of("checkout")), "alice", Instant.now());
    }

    private List<String> notes(long id) {
        return store.timeline(id).stream().filter(entry -> entry.kind() == TimelineEntry.Kind.NOTIFY)
                .map(TimelineEntry::text).toList();
    }

    /** {@code relia_notifications_total} of the target "ops-chat" with this outcome. */
    private double counted(String outcome) {
        double total = 0;
        for (MetricSnapshot snapshot : registry.scrape()) {
            if (snapshot instanceof CounterSnapshot counter
                    && counter.getMetadata().getName().equals("relia_notifications")) {
                for (CounterSnapshot.CounterDataPointSnapshot point : counter.getDataPoints()) {
                    if (outcome.equals(point.getLabels().get("outcome"))
                            && "ops-chat".equals(point.getLabels().get("target"))) {
                        total += point.getValue();
                    }
                }
            }
        }
        return total;
    }

    /** Polls for up to 15 s: long enough for a loaded machine, short enough that a broken test ends. */
    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }

    @Test
    void serverErrorsAreRetriedUntilDeliveredAndTheSuccessIsNoted() throws Exception {
        receiver.answering(500, 503, 200);
        Incident incident = incident();
        try (Notifier notifier = notifier(FAST, target(Kind.SLACK))) {
            notifier.publish(Event.OPENED, incident, "opened by alert X");
            assertThat(eventually(() -> notes(incident.id()).size() == 1)).isTrue();
        }
        assertThat(receiver.count()).isEqualTo(3);
        assertThat(notes(incident.id())).containsExactly("notified \"ops-chat\" (slack): opened after 3 attempts");
        assertThat(counted("retried")).isEqualTo(2);
        assertThat(counted("sent")).isEqualTo(1);
    }

    @Test
    void aTargetThatKeepsFailingGetsExactlyItsAttemptsAndTheFailureIsNotedWithoutItsUrl() throws Exception {
        receiver.answering(500);
        Incident incident = incident();
        try (Notifier notifier = notifier(FAST, target(Kind.MATTERMOST))) {
            notifier.publish(Event.RESOLVED, incident, "resolved by bob");
            assertThat(eventually(() -> notes(incident.id()).size() == 1)).isTrue();
        }
        assertThat(receiver.count()).isEqualTo(FAST.attempts());
        assertThat(notes(incident.id()).getFirst())
                .isEqualTo("notification to \"ops-chat\" (mattermost) failed after 3 attempts: resolved, HTTP 500")
                .doesNotContain("SECRET-IN-URL", "127.0.0.1");
        assertThat(counted("failed")).isEqualTo(1);
        assertThat(counted("sent")).isZero();
    }

    @Test
    void aClientErrorIsNotRetried() throws Exception {
        receiver.answering(400, 200);
        Incident incident = incident();
        try (Notifier notifier = notifier(FAST, target(Kind.TEAMS))) {
            notifier.publish(Event.OPENED, incident, "x");
            assertThat(eventually(() -> notes(incident.id()).size() == 1)).isTrue();
        }
        assertThat(receiver.count()).isEqualTo(1);
        assertThat(notes(incident.id())).containsExactly(
                "notification to \"ops-chat\" (teams) failed after 1 attempt: opened, HTTP 400 (not retried)");
        assertThat(counted("retried")).isZero();
    }

    @Test
    void tooManyRequestsWaitsAtLeastTheRetryAfterTheReceiverAsked() throws Exception {
        receiver.answering(429, 200).withRetryAfter("1");
        RetryPolicy tinyBackoff = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofSeconds(5));
        Incident incident = incident();
        try (Notifier notifier = notifier(tinyBackoff, target(Kind.SLACK))) {
            notifier.publish(Event.OPENED, incident, "x");
            assertThat(eventually(() -> notes(incident.id()).size() == 1)).isTrue();
        }
        List<Receiver.Call> calls = receiver.calls();
        assertThat(calls).hasSize(2);
        // A lower bound only: the notifier slept 1 s after reading the answer, so the gap cannot be shorter.
        assertThat(Duration.ofNanos(calls.get(1).nanos() - calls.get(0).nanos())).isGreaterThanOrEqualTo(
                Duration.ofMillis(990));
        assertThat(notes(incident.id())).containsExactly("notified \"ops-chat\" (slack): opened after 2 attempts");
    }

    @Test
    void aRetryAfterBeyondTheCapWaitsOnlyTheCap() throws Exception {
        receiver.answering(503, 200).withRetryAfter("3600");
        Incident incident = incident();
        try (Notifier notifier = notifier(FAST, target(Kind.SLACK))) {
            notifier.publish(Event.OPENED, incident, "x");
            // Delivered within the poll's 15 s, so the hour asked for was not waited.
            assertThat(eventually(() -> notes(incident.id()).size() == 1)).isTrue();
        }
        assertThat(receiver.count()).isEqualTo(2);
    }

    @Test
    void connectionErrorsAreRetriedAndNamedWithoutTheAddress() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI nobody = URI.create("http://127.0.0.1:" + closedPort + "/hook?token=SECRET-IN-URL");
        Incident incident = incident();
        try (Notifier notifier = notifier(FAST, target(Kind.SLACK, nobody, Optional.empty()))) {
            notifier.publish(Event.OPENED, incident, "x");
            assertThat(eventually(() -> notes(incident.id()).size() == 1)).isTrue();
        }
        assertThat(notes(incident.id()).getFirst())
                .startsWith("notification to \"ops-chat\" (slack) failed after 3 attempts: opened, ")
                .endsWith(", connection refused").doesNotContain("SECRET-IN-URL", "127.0.0.1", String.valueOf(closedPort));
        assertThat(counted("retried")).isEqualTo(2);
    }

    @Test
    void publishReturnsWhileTheReceiverHangs() throws Exception {
        CountDownLatch hung = receiver.holding();
        Incident incident = incident();
        try (Notifier notifier = notifier(FAST, target(Kind.SLACK))) {
            notifier.publish(Event.OPENED, incident, "x");
            assertThat(hung.getCount()).as("publish returned before the receiver answered").isEqualTo(1);
            assertThat(eventually(() -> receiver.count() == 1)).isTrue();
            receiver.release();
            assertThat(eventually(() -> notes(incident.id()).size() == 1)).isTrue();
        }
        assertThat(notes(incident.id())).containsExactly("notified \"ops-chat\" (slack): opened");
    }

    @Test
    void closeStopsADeliveryThatHangsAndNotesIt() throws Exception {
        CountDownLatch hung = receiver.holding();
        Incident incident = incident();
        Notifier notifier = notifier(FAST, target(Kind.SLACK));
        notifier.publish(Event.OPENED, incident, "x");
        assertThat(eventually(() -> receiver.count() == 1)).isTrue();

        notifier.close();

        assertThat(hung.getCount()).as("close returned while the receiver still held the request").isEqualTo(1);
        assertThat(notes(incident.id())).containsExactly(
                "notification to \"ops-chat\" (slack) failed after 1 attempt: opened, the server stopped");
    }

    @Test
    void deliveriesBeyondTheBoundAreDroppedAndCounted() throws Exception {
        receiver.holding();
        Incident incident = incident();
        try (Notifier notifier = new Notifier(List.of(target(Kind.SLACK)), store, IncidentPolicy.DEFAULT,
                Clock.systemUTC(), FAST, registry, Optional.empty(), 1)) {
            notifier.publish(Event.OPENED, incident, "first");
            notifier.publish(Event.RESOLVED, incident, "second");
            assertThat(counted("dropped")).isEqualTo(1);
            receiver.release();
            assertThat(eventually(() -> counted("sent") == 1)).isTrue();
        }
        assertThat(receiver.count()).isEqualTo(1);
    }

    @Test
    void aStoreClosedDuringADeliveryDoesNotLoseTheCountOrThrow() throws Exception {
        receiver.holding();
        Incident incident = incident();
        try (Notifier notifier = notifier(FAST, target(Kind.SLACK))) {
            notifier.publish(Event.OPENED, incident, "x");
            assertThat(eventually(() -> receiver.count() == 1)).isTrue();
            store.close();
            receiver.release();
            assertThat(eventually(() -> counted("sent") == 1)).isTrue();
        }
    }

    @Test
    void genericWebhooksAreSignedPerStandardWebhooksWithOneIdAcrossRetries() throws Exception {
        receiver.answering(500, 200);
        Incident incident = incident();
        URI url = receiver.url();
        try (Notifier notifier = notifier(FAST, target(Kind.WEBHOOK, url, Optional.of("s3cret")))) {
            notifier.publish(Event.SEVERITY_CHANGED, incident, "severity SEV3 → SEV2");
            assertThat(eventually(() -> notes(incident.id()).size() == 1)).isTrue();
        }
        List<Receiver.Call> calls = receiver.calls();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1).header("webhook-id")).isEqualTo(calls.get(0).header("webhook-id"));
        for (Receiver.Call call : calls) {
            String id = call.header("webhook-id");
            long timestamp = Long.parseLong(call.header("webhook-timestamp"));
            String signature = call.header("webhook-signature");
            assertThat(signature).startsWith("v1,");
            assertThat(WebhookSignature.verify("s3cret", id, timestamp, call.body(), signature)).isTrue();
            assertThat(WebhookSignature.verify("s3cret", id, timestamp, call.body().replace("SEV2", "SEV1"),
                    signature)).isFalse();
            assertThat(WebhookSignature.verify("s3cret", id, timestamp + 1, call.body(), signature)).isFalse();
            assertThat(WebhookSignature.verify("other", id, timestamp, call.body(), signature)).isFalse();
        }
        JsonNode body = JSON.readTree(receiver.first().body());
        assertThat(body.get("id").asString()).isEqualTo(receiver.first().header("webhook-id"));
        assertThat(body.get("type").asString()).isEqualTo("incident.severity_changed");
        assertThat(body.get("incident").get("title").asString()).isEqualTo(HOSTILE);
    }

    @Test
    void anUnsignedWebhookCarriesNoSignature() throws Exception {
        Incident incident = incident();
        try (Notifier notifier = notifier(FAST, target(Kind.WEBHOOK))) {
            notifier.publish(Event.OPENED, incident, "x");
            assertThat(eventually(() -> notes(incident.id()).size() == 1)).isTrue();
        }
        assertThat(receiver.first().headers().keySet()).doesNotContain("Webhook-signature")
                .contains("Webhook-id", "Webhook-timestamp");
    }

    @Test
    void targetsHearOnlyTheEventsAndSeveritiesTheyAskForAndNeverAboutDrills() throws Exception {
        NotificationTarget onlyResolvedSev1 = new NotificationTarget("sev1-only", Kind.SLACK, receiver.url(),
                Optional.empty(), EnumSet.of(Event.RESOLVED), IncidentSeverity.SEV1);
        Incident sev2 = incident();
        Incident sev1 = sev2.withSeverity(IncidentSeverity.SEV1);
        try (Notifier notifier = notifier(FAST, onlyResolvedSev1)) {
            notifier.publish(Event.OPENED, sev1, "wrong event");
            notifier.publish(Event.RESOLVED, sev2, "too mild");
            notifier.publish(Event.RESOLVED, sev1.withDrill(true), "a drill");
            notifier.publish(Event.RESOLVED, sev1, "wanted");
            assertThat(eventually(() -> receiver.count() == 1)).isTrue();
        }
        assertThat(receiver.count()).isEqualTo(1);
        assertThat(JSON.readTree(receiver.first().body()).toString()).contains("wanted");
    }

    @Test
    void anAlertOpeningAnIncidentThroughTheServerPostsToTheChat() throws Exception {
        IncidentSettings settings = new IncidentSettings(IncidentPolicy.DEFAULT, IntakeRules.DEFAULT,
                List.of(target(Kind.SLACK)));
        String token = store.tokens().create("am", Instant.now());
        try (ReliaServer server = ReliaServer.start(ServerSetup.of(store).withSettings(settings),
                ReliaServer.Options.loopback(0));
             HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + server.port() + "/api/v1/alerts/alertmanager")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString("""
                            {"version": "4", "alerts": [{"status": "firing", "fingerprint": "f1",
                              "labels": {"alertname": "CheckoutDown", "service": "checkout", "severity": "critical"}}]}
                            """)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(eventually(() -> receiver.count() > 0)).isTrue();
        }
        assertThat(JSON.readTree(receiver.first().body()).get("text").asString())
                .isEqualTo("[SEV2] INC-1 opened: CheckoutDown on checkout");
    }
}

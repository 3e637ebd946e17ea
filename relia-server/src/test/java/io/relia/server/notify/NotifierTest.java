package io.relia.server.notify;

import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.relia.incident.Incident;
import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentSettings;
import io.relia.incident.IncidentSeverity;
import io.relia.incident.IncidentStore;
import io.relia.incident.TimelineEntry;
import io.relia.incident.intake.IntakeRules;
import io.relia.incident.notify.NotificationTarget;
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

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Notifications to real HTTP receivers on 127.0.0.1: payload shapes, retries, signatures, failures on the timeline. */
class NotifierTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50));
    private static final String HOSTILE = "<script>alert(1)</script> & <!channel>";

    @TempDir
    Path data;

    private IncidentStore store;
    private HttpServer receiver;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger calls = new AtomicInteger();
    /** Status to answer per call (the last repeats). */
    private volatile List<Integer> answers = List.of(200);

    private record Received(String body, Map<String, List<String>> headers) {
    }

    @BeforeEach
    void start() throws IOException {
        store = IncidentStores.open(new StoreLocation.Sqlite(data));
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            int call = calls.getAndIncrement();
            received.add(new Received(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    Map.copyOf(exchange.getRequestHeaders())));
            List<Integer> plan = answers;
            int status = plan.get(Math.min(call, plan.size() - 1));
            if (status == 429) {
                exchange.getResponseHeaders().add("Retry-After", "0");
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        store.close();
    }

    private URI hook() {
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook?token=SECRET-IN-URL");
    }

    private NotificationTarget target(NotificationTarget.Kind kind, Optional<String> secret) {
        return new NotificationTarget("ops-chat", kind, hook(), secret, EnumSet.noneOf(NotificationTarget.Event.class),
                IncidentSeverity.SEV4);
    }

    private Notifier notifier(NotificationTarget... targets) {
        return new Notifier(List.of(targets), store, IncidentPolicy.DEFAULT, Clock.systemUTC(), FAST,
                new PrometheusRegistry(), Optional.of("https://relia.example"));
    }

    private Incident incident() {
        return store.create(Incident.declare(HOSTILE, IncidentSeverity.SEV2, Instant.now())
                .withServices(List.of("checkout")), "alice", Instant.now());
    }

    private List<String> notes(long id) {
        return store.timeline(id).stream().filter(entry -> entry.kind() == TimelineEntry.Kind.NOTIFY)
                .map(TimelineEntry::text).toList();
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }

    @Test
    void slackMessagesEscapeUserTextAndRetryUntilDelivered() throws Exception {
        answers = List.of(500, 503, 200);
        Incident incident = incident();
        try (Notifier notifier = notifier(target(NotificationTarget.Kind.SLACK, Optional.empty()))) {
            notifier.publish(NotificationTarget.Event.OPENED, incident, "opened by alert X");
            assertThat(eventually(() -> notes(incident.id()).size() == 1)).isTrue();
        }
        assertThat(calls.get()).isEqualTo(3);
        JsonNode body = JSON.readTree(received.peek().body());
        assertThat(body.get("text").asString()).isEqualTo("[SEV2] INC-1 opened: &lt;script&gt;alert(1)&lt;/script&gt;"
                + " &amp; &lt;!channel&gt;");
        assertThat(body.get("blocks").toString()).doesNotContain("<script>", "<!channel>")
                .contains("<https://relia.example/#/incidents/1|Open INC-1 in Relia>");
        assertThat(notes(incident.id())).containsExactly("notified \"ops-chat\" (slack): opened after 3 attempts");
    }

    @Test
    void aFailingTargetIsGivenUpAfterItsAttemptsAndTheFailureIsOnTheTimelineWithoutItsUrl() throws Exception {
        answers = List.of(500);
        Incident incident = incident();
        try (Notifier notifier = notifier(target(NotificationTarget.Kind.MATTERMOST, Optional.empty()))) {
            notifier.publish(NotificationTarget.Event.RESOLVED, incident, "resolved by bob");
            assertThat(eventually(() -> notes(incident.id()).size() == 1)).isTrue();
        }
        assertThat(calls.get()).isEqualTo(FAST.attempts());
        assertThat(notes(incident.id()).getFirst()).isEqualTo("notification to \"ops-chat\" (mattermost) failed:"
                + " resolved, HTTP 500, gave up after the attempts allowed (3)").doesNotContain("SECRET-IN-URL");
        JsonNode attachment = JSON.readTree(received.peek().body()).get("attachments").get(0);
        assertThat(attachment.get("color").asString()).isEqualTo("#e8590c");
        assertThat(attachment.get("title_link").asString()).isEqualTo("https://relia.example/#/incidents/1");
    }

    @Test
    void aClientErrorIsNotRetriedButTooManyRequestsIs() throws Exception {
        answers = List.of(400);
        Incident first = incident();
        try (Notifier notifier = notifier(target(NotificationTarget.Kind.TEAMS, Optional.empty()))) {
            notifier.publish(NotificationTarget.Event.OPENED, first, "x");
            assertThat(eventually(() -> notes(first.id()).size() == 1)).isTrue();
            assertThat(calls.get()).isEqualTo(1);

            answers = List.of(429, 200);
            calls.set(0);
            notifier.publish(NotificationTarget.Event.OPENED, first, "y");
            assertThat(eventually(() -> notes(first.id()).size() == 2)).isTrue();
        }
        assertThat(calls.get()).isEqualTo(2);
        JsonNode card = JSON.readTree(received.peek().body()).get("attachments").get(0);
        assertThat(card.get("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(card.get("content").get("type").asString()).isEqualTo("AdaptiveCard");
        assertThat(card.get("content").get("body").get(0).get("text").asString()).contains(HOSTILE);
        assertThat(card.get("content").get("actions").get(0).get("url").asString())
                .isEqualTo("https://relia.example/#/incidents/1");
    }

    @Test
    void genericWebhooksAreSignedPerStandardWebhooks() throws Exception {
        Incident incident = incident();
        try (Notifier notifier = notifier(target(NotificationTarget.Kind.WEBHOOK, Optional.of("s3cret")))) {
            notifier.publish(NotificationTarget.Event.SEVERITY_CHANGED, incident, "severity SEV3 → SEV2");
            assertThat(eventually(() -> notes(incident.id()).size() == 1)).isTrue();
        }
        Received message = received.peek();
        String id = message.headers().get("Webhook-id").getFirst();
        long timestamp = Long.parseLong(message.headers().get("Webhook-timestamp").getFirst());
        String signature = message.headers().get("Webhook-signature").getFirst();
        assertThat(WebhookSignature.verify("s3cret", id, timestamp, message.body(), signature)).isTrue();
        assertThat(WebhookSignature.verify("s3cret", id, timestamp, message.body() + " ", signature)).isFalse();
        assertThat(WebhookSignature.verify("other", id, timestamp, message.body(), signature)).isFalse();
        JsonNode body = JSON.readTree(message.body());
        assertThat(body.get("type").asString()).isEqualTo("incident.severity_changed");
        assertThat(body.get("incident").get("title").asString()).isEqualTo(HOSTILE);
    }

    @Test
    void targetsHearOnlyTheEventsAndSeveritiesTheyAskFor() throws Exception {
        NotificationTarget onlyResolvedSev1 = new NotificationTarget("sev1-only", NotificationTarget.Kind.SLACK,
                hook(), Optional.empty(), EnumSet.of(NotificationTarget.Event.RESOLVED), IncidentSeverity.SEV1);
        Incident sev2 = incident();
        try (Notifier notifier = notifier(onlyResolvedSev1)) {
            notifier.publish(NotificationTarget.Event.OPENED, sev2, "x");
            notifier.publish(NotificationTarget.Event.RESOLVED, sev2, "x");
            notifier.publish(NotificationTarget.Event.RESOLVED, sev2.withSeverity(IncidentSeverity.SEV1), "x");
            assertThat(eventually(() -> calls.get() == 1)).isTrue();
        }
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void aMissedResponseTargetIsReportedOnceEvenAcrossRestarts() throws Exception {
        Instant detected = Instant.parse("2026-11-24T10:00:00Z");
        Incident late = store.create(Incident.declare("late", IncidentSeverity.SEV2, detected), "a", detected);
        store.create(Incident.declare("acked", IncidentSeverity.SEV2, detected).acknowledge(detected), "a", detected);
        store.create(Incident.declare("young", IncidentSeverity.SEV4, detected), "a", detected);
        Clock later = Clock.fixed(detected.plus(Duration.ofMinutes(20)), ZoneOffset.UTC);
        List<String> published = new java.util.concurrent.CopyOnWriteArrayList<>();
        io.relia.server.IncidentEvents events = (event, incident, detail) -> published.add(event.label() + " "
                + incident.title());

        int first;
        int again;
        try (ResponseTargetWatch watch = new ResponseTargetWatch(store, IncidentPolicy.DEFAULT, events, later,
                Duration.ofHours(1))) {
            first = watch.check();
        }
        try (ResponseTargetWatch restarted = new ResponseTargetWatch(store, IncidentPolicy.DEFAULT, events, later,
                Duration.ofHours(1))) {
            again = restarted.check();
        }

        assertThat(first).isEqualTo(1);
        assertThat(again).isZero();
        assertThat(published).containsExactly("target_breached late");
        assertThat(notes(late.id())).containsExactly("response target breached: not acknowledged within 15m of"
                + " detection (due 2026-11-24T10:15:00Z)");
    }

    @Test
    void anAlertOpeningAnIncidentThroughTheServerPostsToTheChat() throws Exception {
        IncidentSettings settings = new IncidentSettings(IncidentPolicy.DEFAULT, IntakeRules.DEFAULT,
                List.of(target(NotificationTarget.Kind.SLACK, Optional.empty())));
        String token = store.tokens().create("am", Instant.now());
        try (ReliaServer server = ReliaServer.start(ServerSetup.of(store).withSettings(settings),
                ReliaServer.Options.loopback(0));
             HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + server.port() + "/api/v1/alerts/alertmanager")).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString("""
                            {"version": "4", "alerts": [{"status": "firing", "fingerprint": "f1",
                              "labels": {"alertname": "CheckoutDown", "service": "checkout", "severity": "critical"}}]}
                            """)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(eventually(() -> !received.isEmpty())).isTrue();
        }
        assertThat(JSON.readTree(received.peek().body()).get("text").asString())
                .isEqualTo("[SEV2] INC-1 opened: CheckoutDown on checkout");
    }
}

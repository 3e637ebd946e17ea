package io.relia.server.intake;

import io.relia.incident.IncidentQuery;
import io.relia.incident.IncidentSettings;
import io.relia.incident.intake.AlertEvent;
import io.relia.incident.intake.IntakeRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intake keeps its promise while 150 clients' worth of expensive reads (stats, similar-incident search, long
 * incident lists) hit a store of a few thousand incidents: every webhook is answered 2xx and stored, reads beyond the
 * limits are answered 429 (or 503 when the server's read turns are taken), never dropped, and the server still
 * answers afterwards. Latency under the same flood is measured by bench/intake-under-reads.sh, not asserted here.
 */
class IntakeUnderReadFloodTest {

    private static final String AM = "/api/v1/alerts/alertmanager";
    private static final int INCIDENTS = 3_000;
    private static final int READERS = 150;
    private static final int READS_PER_READER = 40;
    private static final int WEBHOOKS = 20;
    private static final int ALERTS_PER_WEBHOOK = 5;
    private static final List<String> EXPENSIVE = List.of("/api/v1/stats?since=365d",
            "/api/v1/similar?q=checkout+error+rate+after+deploy&limit=50", "/api/v1/incidents?all=true&limit=3000");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path data;

    private ServerHarness harness;

    @BeforeEach
    void start() {
        harness = new ServerHarness(data, IncidentSettings.DEFAULT);
        Instant now = Instant.now();
        List<AlertEvent> history = new ArrayList<>();
        for (int n = 0; n < INCIDENTS; n++) {
            history.add(new AlertEvent(AlertEvent.Source.ALERTMANAGER, "seed-" + n, AlertEvent.Action.FIRING,
                    "HighErrorRate" + n % 40, Map.of("alertname", "HighErrorRate" + n % 40, "service", "svc-" + n,
                    "severity", n % 3 == 0 ? "critical" : "warning"),
                    Map.of("summary", "checkout error rate above 2% after deploy " + n), "http://prometheus/graph",
                    Optional.of(now.minusSeconds(60)), Optional.empty()));
        }
        harness.store.ingest(history, IntakeRules.DEFAULT, now);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void everyWebhookIsStoredWhileReadsBeyondTheLimitsAreAnswered429() throws Exception {
        Map<Integer, AtomicInteger> readStatuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean intakeDone = new AtomicBoolean();
        CountDownLatch flooding = new CountDownLatch(READERS);
        List<Integer> webhookStatuses = new ArrayList<>();
        try (HttpClient readers = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int reader = 0; reader < READERS; reader++) {
                int first = reader;
                pool.submit(() -> {
                    flooding.countDown();
                    for (int read = 0; read < READS_PER_READER && !intakeDone.get(); read++) {
                        String path = EXPENSIVE.get((first + read) % EXPENSIVE.size());
                        try {
                            int status = readers.send(HttpRequest.newBuilder(URI.create(harness.url(path)))
                                    .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                            readStatuses.computeIfAbsent(status, code -> new AtomicInteger()).incrementAndGet();
                        } catch (IOException | InterruptedException dropped) {
                            failures.add(dropped);
                            return;
                        }
                    }
                });
            }
            assertThat(flooding.await(30, TimeUnit.SECONDS)).isTrue();
            for (int webhook = 0; webhook < WEBHOOKS; webhook++) {
                webhookStatuses.add(harness.post(AM, webhook(webhook)).statusCode());
            }
            intakeDone.set(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(webhookStatuses).hasSize(WEBHOOKS).containsOnly(200);
        assertThat(failures).as("reads without an answer").isEmpty();
        assertThat(readStatuses.keySet()).containsAnyOf(200).isSubsetOf(200, 429, 503);
        assertThat(readStatuses).containsKey(429);
        assertThat(storedFloodAlerts()).isEqualTo(WEBHOOKS * ALERTS_PER_WEBHOOK);
        assertThat(ServerHarness.eventually(Duration.ofSeconds(30), this::answersAReadAgain)).isTrue();
    }

    private long storedFloodAlerts() {
        return harness.store.list(IncidentQuery.ALL.openOnly(false).limit(10_000)).stream()
                .filter(incident -> incident.alerts().contains("FloodAlert"))
                .mapToLong(incident -> harness.store.alerts(incident.id()).stream()
                        .filter(alert -> alert.key().startsWith("flood-")).count())
                .sum();
    }

    private boolean answersAReadAgain() {
        try {
            return harness.text("/health").contains("ok") && harness.get("/api/v1/stats").has("overall");
        } catch (IOException | InterruptedException | AssertionError notYet) {
            return false;
        }
    }

    private static String webhook(int n) {
        StringBuilder alerts = new StringBuilder();
        for (int i = 0; i < ALERTS_PER_WEBHOOK; i++) {
            alerts.append(i == 0 ? "" : ",").append("{\"status\": \"firing\", \"labels\": {\"alertname\": \"FloodAlert\","
                    + " \"service\": \"flood-").append(n).append("\", \"pod\": \"p").append(i).append("\"},"
                    + " \"startsAt\": \"").append(Instant.now()).append("\", \"fingerprint\": \"flood-").append(n)
                    .append('-').append(i).append("\"}");
        }
        return "{\"version\": \"4\", \"alerts\": [" + alerts + "]}";
    }
}

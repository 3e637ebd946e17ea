package io.relia.cli;

import io.relia.incident.IncidentStore;
import io.relia.incident.store.IncidentStores;
import io.relia.incident.store.StoreLocation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGKILL of {@code relia serve} (a separate process on a SQLite store) while four senders post 1,000 Alertmanager
 * webhooks and retry, as Alertmanager does, whatever was not answered 2xx: every webhook answered 2xx is in the
 * store when the server comes back, and no alert is stored twice.
 */
@Tag("integration")
class IntakeDurabilityTest {

    private static final int WEBHOOKS = 1_000;
    private static final int SENDERS = 4;
    /** Bound on restarts: each run of the server gets at least 40 webhooks through before it is killed. */
    private static final int MAX_KILLS = 10;
    private static final Duration DEADLINE = Duration.ofMinutes(5);
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path work;

    @Test
    void killingTheServerDuringWebhooksLosesNoAnsweredWebhookAndDuplicatesNothing() throws Exception {
        Path data = work.resolve("data");
        String token;
        try (IncidentStore store = IncidentStores.open(new StoreLocation.Sqlite(data))) {
            token = store.tokens().create("alertmanager", Instant.now());
        }
        AtomicReference<String> url = new AtomicReference<>("");
        Set<Integer> answered = ConcurrentHashMap.newKeySet();
        AtomicInteger attempts = new AtomicInteger();
        Instant deadline = Instant.now().plus(DEADLINE);
        Random random = new Random(20261124L);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        Process server = startServer(data, url, 0);
        int kills = 0;
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int sender = 0; sender < SENDERS; sender++) {
                int first = sender;
                done.add(senders.submit(() -> {
                    for (int n = first; n < WEBHOOKS; n += SENDERS) {
                        while (!answered.contains(n)) {
                            if (Instant.now().isAfter(deadline)) {
                                throw new IllegalStateException("webhook " + n + " not answered before the deadline");
                            }
                            attempts.incrementAndGet();
                            if (post(http, url.get(), token, n)) {
                                answered.add(n);
                            } else {
                                Thread.sleep(50);
                            }
                        }
                    }
                    return null;
                }));
            }
            while (answered.size() < WEBHOOKS && kills < MAX_KILLS && Instant.now().isBefore(deadline)) {
                int killAt = Math.min(WEBHOOKS - 1, answered.size() + 40 + random.nextInt(160));
                while (answered.size() < killAt && Instant.now().isBefore(deadline)) {
                    Thread.sleep(5);
                }
                if (answered.size() >= WEBHOOKS) {
                    break;
                }
                Set<Integer> before = Set.copyOf(answered);
                server.destroyForcibly();   // SIGKILL
                assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
                kills++;
                Map<String, Integer> stored = storedFingerprints(data);
                for (int n : before) {
                    assertThat(stored).as("webhook %d was answered 2xx before kill %d", n, kills)
                            .containsEntry(fingerprint(n), 1);
                }
                server = startServer(data, url, kills);
            }
            for (Future<?> sender : done) {
                sender.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            senders.shutdownNow();
            server.destroyForcibly();
            server.waitFor(30, TimeUnit.SECONDS);
            http.close();
        }
        Map<String, Integer> stored = storedFingerprints(data);
        assertThat(kills).as("the server was killed mid-burst").isGreaterThanOrEqualTo(3);
        assertThat(answered).hasSize(WEBHOOKS);
        assertThat(stored).hasSize(WEBHOOKS);
        assertThat(stored.values()).as("no alert stored twice").containsOnly(1);
        assertThat(attempts.get()).isGreaterThanOrEqualTo(WEBHOOKS);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("relia.db"));
             Statement statement = connection.createStatement();
             ResultSet check = statement.executeQuery("PRAGMA integrity_check")) {
            check.next();
            assertThat(check.getString(1)).isEqualTo("ok");
        }
        // The servers' logs: JSON lines (besides the one human line on stdout), an access line per webhook, and the
        // bearer token nowhere.
        JsonMapper json = JsonMapper.builder().build();
        int accessLines = 0;
        for (int generation = 0; generation <= kills; generation++) {
            for (String line : Files.readAllLines(work.resolve("serve-" + generation + ".log"))) {
                assertThat(line).doesNotContain(token);
                if (!line.startsWith("relia serve: listening")) {
                    JsonNode entry = json.readTree(line);
                    accessLines += "io.relia.server.access".equals(entry.path("loggerName").asString()) ? 1 : 0;
                }
            }
        }
        assertThat(accessLines).isGreaterThanOrEqualTo(WEBHOOKS / 2);
        Files.writeString(work.resolve("summary.txt"), "kills=" + kills + " attempts=" + attempts.get() + "\n");
        System.out.println("IntakeDurabilityTest: " + kills + " SIGKILLs, " + attempts.get() + " attempts for "
                + WEBHOOKS + " webhooks, " + stored.size() + " alerts stored once each");
    }

    private static String fingerprint(int n) {
        return String.format("%016x", 0xd00d0000L + n);
    }

    private static boolean post(HttpClient http, String url, String token, int n) {
        if (url.isEmpty()) {
            return false;
        }
        String body = """
                {"version": "4", "status": "firing", "receiver": "relia", "groupKey": "{}:{}",
                 "alerts": [{"status": "firing", "fingerprint": "%s",
                   "labels": {"alertname": "Durability%d", "service": "svc-%d", "severity": "warning"},
                   "annotations": {"summary": "webhook %d"}, "startsAt": "%s"}]}"""
                .formatted(fingerprint(n), n, n % 7, n, Instant.now().minusSeconds(5));
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url
                    + "/api/v1/alerts/alertmanager")).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() / 100 == 2;
        } catch (IOException refusedOrCut) {
            return false;
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Process startServer(Path data, AtomicReference<String> url, int generation) throws Exception {
        url.set("");
        Path log = work.resolve("serve-" + generation + ".log");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "io.relia.cli.Main", "serve", "--data",
                data.toString(), "--port", "0"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            Matcher listening = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (listening.find()) {
                url.set(listening.group(1));
                return process;
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("relia serve did not start:\n" + Files.readString(log));
    }

    private static Map<String, Integer> storedFingerprints(Path data) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("relia.db"));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT alert_key, COUNT(*) FROM alerts GROUP BY alert_key")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        }
        return counts;
    }
}

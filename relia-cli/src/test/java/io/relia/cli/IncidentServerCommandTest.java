package io.relia.cli;

import io.relia.incident.ActionItem;
import io.relia.incident.Incident;
import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentSeverity;
import io.relia.incident.IncidentStatus;
import io.relia.incident.IncidentStore;
import io.relia.incident.TimelineEntry;
import io.relia.incident.store.IncidentStores;
import io.relia.incident.store.StoreLocation;
import io.relia.server.ReliaServer;
import io.relia.server.client.RemoteIncidentStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The incident CLI with --server against a real relia serve on 127.0.0.1: the server's store is what changes. */
class IncidentServerCommandTest {

    @TempDir
    Path dir;

    private IncidentStore store;
    private ReliaServer server;
    private Path tokenFile;
    private String url;

    @BeforeEach
    void start() throws Exception {
        store = IncidentStores.open(new StoreLocation.Sqlite(dir.resolve("server")));
        tokenFile = Files.writeString(dir.resolve("token"), store.tokens().create("cli", Instant.now()) + "\n");
        server = ReliaServer.start(store, IncidentPolicy.DEFAULT, ReliaServer.Options.loopback(0));
        url = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--server", url, "--token-file", tokenFile.toString(), "--as", "alice"));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void responseTargetsAreTheServersNotTheClientsDefaults() {
        IncidentPolicy tierOne = new IncidentPolicy(Map.of(IncidentSeverity.SEV2, Duration.ofMinutes(10)),
                Duration.ofHours(48), EnumSet.of(IncidentSeverity.SEV2));
        try (ReliaServer strict = ReliaServer.start(store, tierOne, ReliaServer.Options.loopback(0))) {
            List<String> against = List.of("--server", "http://127.0.0.1:" + strict.port(), "--token-file",
                    tokenFile.toString());
            List<String> declare = new ArrayList<>(List.of("incident", "new", "Checkout answers 502", "--severity",
                    "SEV2"));
            declare.addAll(against);
            List<String> show = new ArrayList<>(List.of("incident", "show", "1"));
            show.addAll(against);

            CliRun declared = CliRun.of(declare.toArray(String[]::new));
            CliRun shown = CliRun.of(show.toArray(String[]::new));

            assertThat(declared.out()).as(declared.err()).contains("acknowledge within 10m");
            assertThat(shown.out()).as(shown.err()).contains("acknowledge within 10m");
        }
    }

    @Test
    void incidentCommandsWorkAgainstTheServer() {
        assertThat(run("incident", "new", "Checkout answers 502", "--severity", "SEV2", "--service", "checkout")
                .exitCode()).isZero();
        assertThat(run("incident", "ack", "1").exitCode()).isZero();
        assertThat(run("incident", "note", "1", "pool exhausted on payments").exitCode()).isZero();
        assertThat(run("incident", "update", "1", "--root-cause", "pool too small").exitCode()).isZero();
        CliRun action = run("action", "add", "1", "--title", "Alert on pool saturation", "--owner", "bob");
        assertThat(action.exitCode()).as(action.err()).isZero();
        CliRun resolved = run("incident", "resolve", "1");
        assertThat(resolved.exitCode()).as(resolved.err()).isZero();
        CliRun shown = run("incident", "show", "1", "--format", "json");
        CliRun listed = run("incident", "list", "--all");
        CliRun twice = run("incident", "ack", "1");

        Incident stored = store.get(1);
        assertThat(stored.services()).containsExactly("checkout");
        assertThat(stored.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(stored.analysis().rootCause()).isEqualTo("pool too small");
        assertThat(store.timeline(1)).extracting(TimelineEntry::actor).contains("alice (via cli)");
        assertThat(store.timeline(1)).extracting(TimelineEntry::text).contains("pool exhausted on payments");
        assertThat(store.actions(Optional.of(1L))).extracting(ActionItem::owner).containsExactly("bob");
        assertThat(shown.out()).contains("\"rootCause\" : \"pool too small\"");
        assertThat(listed.out()).contains("Checkout answers 502");
        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.err()).contains("cannot acknowledge INC-1").satisfies(err ->
                assertThat(twice.showsStackTrace()).isFalse());
    }

    @Test
    void concurrentEditsThroughTheServerLoseNothing() throws Exception {
        run("incident", "new", "Busy incident");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int client = 0; client < 2; client++) {
                int id = client;
                done.add(pool.submit(() -> {
                    try (RemoteIncidentStore remote = new RemoteIncidentStore(URI.create(url),
                            Files.readString(tokenFile).strip())) {
                        for (int n = 0; n < 10; n++) {
                            String label = "c" + id + "-" + n;
                            remote.change(1, "client" + id, Instant.now(), incident -> {
                                java.util.Map<String, String> labels = new java.util.TreeMap<>(incident.labels());
                                labels.put(label, "x");
                                return incident.withLabels(labels);
                            });
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : done) {
                client.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.get(1).labels()).hasSize(20);
    }

    @Test
    void aBadTokenOrADownServerIsAClearError() throws Exception {
        store.create(Incident.declare("x", io.relia.incident.IncidentSeverity.SEV3, Instant.now()), "a",
                Instant.now());
        Files.writeString(tokenFile, "relia_wrong");
        CliRun forged = run("incident", "ack", "1");
        server.close();
        Files.writeString(tokenFile, "relia_whatever");
        CliRun down = run("incident", "list");

        assertThat(forged.exitCode()).isEqualTo(2);
        assertThat(forged.err()).contains("unknown or revoked");
        assertThat(down.exitCode()).isEqualTo(3);
        assertThat(down.err()).contains("unreachable", url);
        assertThat(down.showsStackTrace()).isFalse();
    }
}

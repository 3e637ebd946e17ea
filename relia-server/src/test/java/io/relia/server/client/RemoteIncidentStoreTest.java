package io.relia.server.client;

import io.relia.incident.ActionItem;
import io.relia.incident.Incident;
import io.relia.incident.IncidentException;
import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentQuery;
import io.relia.incident.IncidentSeverity;
import io.relia.incident.IncidentStore;
import io.relia.incident.Role;
import io.relia.incident.TimelineEntry;
import io.relia.incident.history.HistoricIncident;
import io.relia.incident.history.IncidentHistory;
import io.relia.incident.history.IncidentHistoryFile;
import io.relia.incident.store.IncidentStores;
import io.relia.incident.store.StoreException;
import io.relia.incident.store.StoreLocation;
import io.relia.server.ReadLimits;
import io.relia.server.ReliaServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The incident store behind a real relia serve on 127.0.0.1 behaves as the local store it stands in for. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RemoteIncidentStoreTest {

    private static final Path HISTORY = Path.of("../examples/checkout-service/reliability/incidents/history.yaml");

    @TempDir
    Path data;

    private IncidentStore store;
    private ReliaServer server;
    private URI url;
    private String token;

    @BeforeEach
    void start() {
        store = IncidentStores.open(new StoreLocation.Sqlite(data.resolve("server")));
        token = store.tokens().create("cli", Instant.now());
        server = ReliaServer.start(store, IncidentPolicy.DEFAULT, ReliaServer.Options.loopback(0));
        url = URI.create("http://127.0.0.1:" + server.port());
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    @Test
    void readsTheServerTurnsAwayForItsLimitsAreTriedAgainAfterRetryAfter() {
        server.close();
        // One read a second, bursts of two: the third quick read is a 429 with Retry-After.
        server = ReliaServer.start(store, IncidentPolicy.DEFAULT,
                ReliaServer.Options.loopback(0).withReads(ReadLimits.DEFAULT.withRate(1)));
        url = URI.create("http://127.0.0.1:" + server.port());
        long id = store.create(Incident.declare("Read often", IncidentSeverity.SEV3, Instant.now()), "a",
                Instant.now()).id();

        try (RemoteIncidentStore remote = new RemoteIncidentStore(url, token)) {
            for (int read = 0; read < 4; read++) {
                assertThat(remote.find(id)).hasValueSatisfying(found -> assertThat(found.title())
                        .isEqualTo("Read often"));
            }
        }
    }

    @Test
    void twoClientsEditingOneIncidentLoseNoNoteAndNoChange() throws Exception {
        long id = store.create(Incident.declare("Busy incident", IncidentSeverity.SEV2, Instant.now()), "a",
                Instant.now()).id();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int client = 0; client < 2; client++) {
                String name = "client" + client;
                done.add(clients.submit(() -> {
                    try (RemoteIncidentStore remote = new RemoteIncidentStore(url, token)) {
                        for (int n = 0; n < 20; n++) {
                            String label = name + "-" + n;
                            remote.note(id, name, Instant.now(), TimelineEntry.Kind.NOTE, "note " + label);
                            remote.change(id, name, Instant.now(), incident -> {
                                Map<String, String> labels = new TreeMap<>(incident.labels());
                                labels.put(label, "seen");
                                return incident.withLabels(labels);
                            });
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : done) {
                client.get(90, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(store.get(id).labels()).hasSize(40);
        assertThat(store.timeline(id)).filteredOn(entry -> entry.kind() == TimelineEntry.Kind.NOTE).hasSize(40);
        assertThat(store.timeline(id)).filteredOn(entry -> "labels".equals(entry.field())).hasSize(40);
    }

    @Test
    void aDeclarationCarriesEverythingTheDraftHoldsInOneWrite() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant declared = now.minus(Duration.ofMinutes(5));
        Incident draft = Incident.declare("Checkout 502s", IncidentSeverity.SEV2, declared)
                .withSummary("a third of checkouts fail").withServices(List.of("checkout", "payments"))
                .withLabels(Map.of("team", "checkout")).withAlerts(List.of("CheckoutHighErrorRate"))
                .withSlos(List.of("checkout/availability")).withRole(Role.INCIDENT_COMMANDER, "alice")
                .withRole(Role.SCRIBE, "dan").withDetected(declared.minus(Duration.ofMinutes(2)))
                .withImpactStarted(declared.minus(Duration.ofMinutes(9)));

        Incident created;
        try (RemoteIncidentStore remote = new RemoteIncidentStore(url, token)) {
            created = remote.create(draft, "alice", declared);
        }

        assertThat(created).isEqualTo(draft.withId(created.id()));
        assertThat(store.get(created.id())).isEqualTo(created);
        assertThat(store.timeline(created.id())).extracting(TimelineEntry::kind)
                .containsExactly(TimelineEntry.Kind.CREATED);
        assertThat(store.timeline(created.id()).getFirst().at()).isEqualTo(declared);
    }

    @Test
    void importsThroughTheServerStoreWhatALocalImportStores() {
        IncidentHistory history = IncidentHistoryFile.read(HISTORY);
        assertThat(history.hasErrors()).isFalse();
        try (IncidentStore local = IncidentStores.open(new StoreLocation.Sqlite(data.resolve("local")));
             RemoteIncidentStore remote = new RemoteIncidentStore(url, token)) {
            for (HistoricIncident historic : history.incidents()) {
                Incident here = local.importIncident(historic.incident(), historic.actionItems(), "alice", "h.yaml");
                Incident there = remote.importIncident(historic.incident(), historic.actionItems(), "alice",
                        "h.yaml");

                assertThat(there).isEqualTo(here);
                assertThat(store.get(there.id())).isEqualTo(here);
                assertThat(withoutIds(store.actions(Optional.of(there.id()))))
                        .isEqualTo(withoutIds(local.actions(Optional.of(here.id()))));
            }
            assertThat(store.list(IncidentQuery.ALL)).hasSize(history.incidents().size());
        }
    }

    private static List<ActionItem> withoutIds(List<ActionItem> items) {
        return items.stream().map(item -> item.withId(0)).toList();
    }

    @Test
    void runbookStepsLandOnTheTimelineAsRunbookEntries() {
        long id = store.create(Incident.declare("x", IncidentSeverity.SEV3, Instant.now()), "a", Instant.now()).id();
        try (RemoteIncidentStore remote = new RemoteIncidentStore(url, token)) {
            remote.note(id, "alice", Instant.now(), TimelineEntry.Kind.RUNBOOK, "step 1: kubectl get pods (exit 0)");
        }

        assertThat(store.timeline(id)).extracting(TimelineEntry::kind).contains(TimelineEntry.Kind.RUNBOOK);
    }

    @Test
    void refusalsAreTheServersMessageAndOutagesNameTheServer() throws Exception {
        try (RemoteIncidentStore remote = new RemoteIncidentStore(url, token)) {
            assertThatThrownBy(() -> remote.get(7)).isInstanceOf(IncidentException.class)
                    .hasMessage("no incident INC-7");
            assertThat(remote.find(7)).isEmpty();
            assertThatThrownBy(remote::tokens).isInstanceOf(IncidentException.class)
                    .hasMessageContaining("relia token create");
        }
        try (RemoteIncidentStore forged = new RemoteIncidentStore(url, "relia_forged")) {
            assertThatThrownBy(() -> forged.note(1, "a", Instant.now(), TimelineEntry.Kind.NOTE, "x"))
                    .isInstanceOf(IncidentException.class).hasMessageContaining("unknown or revoked");
        }
        int closedPort;
        try (ServerSocket free = new ServerSocket(0)) {
            closedPort = free.getLocalPort();
        }
        URI nobody = URI.create("http://127.0.0.1:" + closedPort);
        try (RemoteIncidentStore down = new RemoteIncidentStore(nobody, token)) {
            assertThatThrownBy(() -> down.list(IncidentQuery.ALL)).isInstanceOf(StoreException.class)
                    .hasMessage("relia serve at " + nobody + " is unreachable: connection refused");
            assertThat(down.ping()).isFalse();
        }
    }
}

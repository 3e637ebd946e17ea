package io.relia.server.intake;

import io.relia.incident.IncidentQuery;
import io.relia.incident.IncidentStore;
import io.relia.incident.intake.AlertEvent;
import io.relia.incident.intake.IntakeRules;
import io.relia.incident.store.IncidentStores;
import io.relia.incident.store.StoreException;
import io.relia.incident.store.StoreLocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The intake writer: an alert the store refuses is answered as refused, and the alerts beside it are stored. */
class IntakeQueueTest {

    @TempDir
    Path data;

    private IncidentStore real;
    private final AtomicInteger transactions = new AtomicInteger();
    private volatile boolean unavailable;

    @BeforeEach
    void open() {
        real = IncidentStores.open(new StoreLocation.Sqlite(data));
    }

    @AfterEach
    void close() {
        real.close();
    }

    /** The real store, except that a transaction holding an alert keyed "poison-…" fails as a bug would. */
    private IncidentStore poisoned() {
        return (IncidentStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {IncidentStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("ingest")) {
                        transactions.incrementAndGet();
                        if (unavailable) {
                            throw new StoreException("the database is locked", null);
                        }
                        @SuppressWarnings("unchecked")
                        List<AlertEvent> events = (List<AlertEvent>) args[0];
                        if (events.stream().anyMatch(event -> event.key().startsWith("poison-"))) {
                            throw new IllegalStateException("cannot store " + events.size() + " alerts");
                        }
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException thrown) {
                        throw thrown.getCause();
                    }
                });
    }

    private static AlertEvent alert(String key) {
        return new AlertEvent(AlertEvent.Source.ALERTMANAGER, key, AlertEvent.Action.FIRING, "DiskFull",
                Map.of("alertname", "DiskFull", "service", "db"), Map.of(), "", Optional.of(Instant.now()),
                Optional.empty());
    }

    @Test
    void answersTheAlertTheStoreRefusesAsRefusedAndStoresTheOthers() throws Exception {
        List<AlertEvent> alerts = new ArrayList<>();
        for (int n = 0; n < 64; n++) {
            alerts.add(alert(n == 41 ? "poison-41" : "good-" + n));
        }
        try (IntakeQueue queue = new IntakeQueue(poisoned(), IntakeRules.DEFAULT, Clock.systemUTC())) {
            List<IntakeQueue.Result> results = queue.submit(alerts).get(30, TimeUnit.SECONDS);

            assertThat(results).hasSize(64);
            assertThat(results.get(41).outcome()).isEmpty();
            assertThat(results.get(41).refusal()).isEqualTo("the store refused it: cannot store 1 alerts");
            assertThat(results.stream().filter(result -> result.outcome().isPresent())).hasSize(63);
        }
        long incident = real.list(IncidentQuery.ALL).getFirst().id();
        assertThat(real.alerts(incident)).hasSize(63);
        // One failed try, then halves: 2 per level of the 6 levels down to the poisoned alert, not 64.
        assertThat(transactions.get()).isLessThanOrEqualTo(1 + 2 * 6);
    }

    @Test
    void failsTheWebhookWhenTheStoreIsUnavailableSoTheSenderRetries() {
        unavailable = true;
        try (IntakeQueue queue = new IntakeQueue(poisoned(), IntakeRules.DEFAULT, Clock.systemUTC())) {
            assertThatThrownBy(() -> queue.submit(List.of(alert("good-1"), alert("good-2"))).get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(StoreException.class);
        }
    }
}

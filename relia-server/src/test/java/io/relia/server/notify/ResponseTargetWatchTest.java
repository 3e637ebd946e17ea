package io.relia.server.notify;

import io.relia.incident.Incident;
import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentSeverity;
import io.relia.incident.IncidentStore;
import io.relia.incident.TimelineEntry;
import io.relia.incident.store.IncidentStores;
import io.relia.incident.store.StoreLocation;
import io.relia.server.IncidentEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Missed response targets, reported once per incident even across restarts, against a real SQLite store. */
class ResponseTargetWatchTest {

    private static final Instant DETECTED = Instant.parse("2026-11-24T10:00:00Z");
    /** 20 min after detection: past SEV2's 15 min target, within SEV4's. */
    private static final Clock LATER = Clock.fixed(DETECTED.plus(Duration.ofMinutes(20)), ZoneOffset.UTC);
    private static final Duration RARELY = Duration.ofHours(1);

    @TempDir
    Path data;

    private IncidentStore store;
    private final List<String> published = new CopyOnWriteArrayList<>();
    private final IncidentEvents events = (event, incident, detail) -> published.add(event.label() + " "
            + incident.title());

    @BeforeEach
    void open() {
        store = IncidentStores.open(new StoreLocation.Sqlite(data));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Incident create(Incident incident) {
        return store.create(incident, "alice", DETECTED);
    }

    private List<String> notes(long id) {
        return store.timeline(id).stream().filter(entry -> entry.kind() == TimelineEntry.Kind.NOTIFY)
                .map(TimelineEntry::text).toList();
    }

    @Test
    void aMissedResponseTargetIsReportedOnceEvenAcrossRestarts() {
        Incident late = create(Incident.declare("late", IncidentSeverity.SEV2, DETECTED));

        int first;
        int again;
        try (ResponseTargetWatch watch = new ResponseTargetWatch(store, IncidentPolicy.DEFAULT, events, LATER,
                RARELY)) {
            first = watch.check();
            assertThat(watch.check()).isZero();
        }
        try (ResponseTargetWatch restarted = new ResponseTargetWatch(store, IncidentPolicy.DEFAULT, events, LATER,
                RARELY)) {
            again = restarted.check();
        }

        assertThat(first).isEqualTo(1);
        assertThat(again).isZero();
        assertThat(published).containsExactly("target_breached late");
        assertThat(notes(late.id())).containsExactly("response target breached: not acknowledged within 15m of"
                + " detection (due 2026-11-24T10:15:00Z)");
    }

    @Test
    void acknowledgedYoungResolvedAndDrillIncidentsAreNotReported() {
        create(Incident.declare("acked", IncidentSeverity.SEV2, DETECTED).acknowledge(DETECTED));
        create(Incident.declare("young", IncidentSeverity.SEV4, DETECTED));
        create(Incident.declare("drill", IncidentSeverity.SEV1, DETECTED).withDrill(true));
        create(Incident.declare("over", IncidentSeverity.SEV1, DETECTED).resolve(DETECTED));

        try (ResponseTargetWatch watch = new ResponseTargetWatch(store, IncidentPolicy.DEFAULT, events, LATER,
                RARELY)) {
            assertThat(watch.check()).isZero();
        }
        assertThat(published).isEmpty();
    }

    @Test
    void theTimerChecksOnItsOwn() throws InterruptedException {
        create(Incident.declare("late", IncidentSeverity.SEV1, DETECTED));

        ResponseTargetWatch watch = new ResponseTargetWatch(store, IncidentPolicy.DEFAULT, events, LATER,
                Duration.ofMillis(20));
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (published.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            watch.close();
        }
        assertThat(published).containsExactly("target_breached late");
    }
}

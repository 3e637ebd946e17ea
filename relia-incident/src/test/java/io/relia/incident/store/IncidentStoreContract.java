package io.relia.incident.store;

import io.relia.incident.ActionItem;
import io.relia.incident.ApiToken;
import io.relia.incident.Analysis;
import io.relia.incident.Incident;
import io.relia.incident.IncidentException;
import io.relia.incident.IncidentQuery;
import io.relia.incident.IncidentSeverity;
import io.relia.incident.IncidentStatus;
import io.relia.incident.intake.AlertEvent;
import io.relia.incident.intake.IntakeOutcome;
import io.relia.incident.intake.IntakeRules;
import io.relia.incident.IncidentStore;
import io.relia.incident.Role;
import io.relia.incident.TimelineEntry;
import io.relia.incident.TokenScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The behaviour every incident store has, whatever database is under it: SQLite and PostgreSQL run these same
 * tests.
 */
abstract class IncidentStoreContract {

    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    IncidentStore store;

    /** A new, empty store. */
    abstract IncidentStore openEmptyStore() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = openEmptyStore();
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    static Incident fullIncident() {
        return Incident.declare("Checkout 502s: payments pool exhausted", IncidentSeverity.SEV2, T0)
                .withSummary("Checkout answers 502 for a third of orders.")
                .withServices(List.of("checkout", "payments"))
                .withLabels(Map.of("team", "shop", "region", "eu-west-1"))
                .withAlerts(List.of("CheckoutHighErrorRate"))
                .withSlos(List.of("checkout/availability"))
                .withRole(Role.INCIDENT_COMMANDER, "alice")
                .withRole(Role.SCRIBE, "dan")
                .withDetected(T0.minusSeconds(120))
                .withImpactStarted(T0.minusSeconds(600))
                .withAnalysis(Analysis.EMPTY.withRootCause("pool of 10 for 40 threads")
                        .withFiveWhys(List.of("why one", "why two")));
    }

    @Test
    void readsBackEveryFieldItStored() {
        Incident created = store.create(fullIncident(), "alice", T0);

        assertThat(created.id()).isPositive();
        assertThat(store.get(created.id())).isEqualTo(created);
        assertThat(created.withId(0)).isEqualTo(fullIncident());
    }

    @Test
    void declaringAnIncidentStartsItsTimeline() {
        Incident created = store.create(fullIncident(), "alice", T0);

        List<TimelineEntry> timeline = store.timeline(created.id());
        assertThat(timeline).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(TimelineEntry.Kind.CREATED);
            assertThat(entry.actor()).isEqualTo("alice");
            assertThat(entry.at()).isEqualTo(T0);
            assertThat(entry.text()).contains("SEV2").contains("payments pool exhausted");
        });
    }

    @Test
    void everyChangedFieldWritesATimelineEntryWithBeforeAndAfter() {
        Incident created = store.create(fullIncident(), "alice", T0);
        Instant later = T0.plusSeconds(60);

        store.change(created.id(), "bob", later, incident -> incident.withSeverity(IncidentSeverity.SEV1)
                .withRole(Role.COMMUNICATIONS_LEAD, "bob"));

        List<TimelineEntry> changes = store.timeline(created.id()).stream()
                .filter(entry -> entry.kind() == TimelineEntry.Kind.CHANGED).toList();
        assertThat(changes).extracting(TimelineEntry::field, TimelineEntry::before, TimelineEntry::after)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("severity", "SEV2", "SEV1"),
                        org.assertj.core.groups.Tuple.tuple("role.comms", "", "bob"));
        assertThat(changes).allSatisfy(entry -> {
            assertThat(entry.actor()).isEqualTo("bob");
            assertThat(entry.at()).isEqualTo(later);
        });
        assertThat(store.get(created.id()).severity()).isEqualTo(IncidentSeverity.SEV1);
    }

    @Test
    void anEditThatChangesNothingWritesNothing() {
        Incident created = store.create(fullIncident(), "alice", T0);

        store.change(created.id(), "bob", T0, incident -> incident.withTitle(incident.title()));

        assertThat(store.timeline(created.id())).hasSize(1);
    }

    @Test
    void aRefusedTransitionLeavesRecordAndTimelineUntouched() {
        Incident created = store.create(fullIncident(), "alice", T0);
        store.change(created.id(), "alice", T0.plusSeconds(30), incident -> incident.acknowledge(T0.plusSeconds(30)));
        int entries = store.timeline(created.id()).size();

        assertThatThrownBy(() -> store.change(created.id(), "bob", T0.plusSeconds(60),
                incident -> incident.acknowledge(T0.plusSeconds(60))))
                .isInstanceOf(IncidentException.class).hasMessageContaining("already acknowledged");

        assertThat(store.timeline(created.id())).hasSize(entries);
        assertThat(store.get(created.id()).times().acknowledged()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void anUnknownIncidentIsNamedInTheError() {
        assertThatThrownBy(() -> store.change(4242, "bob", T0, incident -> incident))
                .isInstanceOf(IncidentException.class).hasMessage("no incident INC-4242");
        assertThatThrownBy(() -> store.note(4242, "bob", T0, TimelineEntry.Kind.NOTE, "hello"))
                .isInstanceOf(IncidentException.class).hasMessage("no incident INC-4242");
        assertThat(store.find(4242)).isEmpty();
    }

    @Test
    void walksTheWholeLifecycleAndReopens() {
        long id = store.create(fullIncident(), "alice", T0).id();
        store.change(id, "alice", T0.plusSeconds(60), incident -> incident.acknowledge(T0.plusSeconds(60)));
        store.change(id, "alice", T0.plusSeconds(120),
                incident -> incident.withStatus(IncidentStatus.IDENTIFIED, T0.plusSeconds(120)));
        store.change(id, "alice", T0.plusSeconds(600), incident -> incident.mitigate(T0.plusSeconds(600)));
        store.change(id, "alice", T0.plusSeconds(900), incident -> incident.resolve(T0.plusSeconds(900)));
        store.change(id, "alice", T0.plusSeconds(1000), incident -> incident.close(T0.plusSeconds(1000)));
        assertThat(store.get(id).status()).isEqualTo(IncidentStatus.CLOSED);

        Incident reopened = store.change(id, "bob", T0.plusSeconds(2000), Incident::reopen);

        assertThat(reopened.status()).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(reopened.times().resolved()).isNull();
        List<String> statuses = store.timeline(id).stream().filter(entry -> entry.field().equals("status"))
                .map(TimelineEntry::after).toList();
        assertThat(statuses).containsExactly("identified", "monitoring", "resolved", "closed", "investigating");
    }

    @Test
    void notesAreKeptInTimeOrderAndMayBeBackdated() {
        long id = store.create(fullIncident(), "alice", T0).id();
        store.note(id, "dan", T0.plusSeconds(300), TimelineEntry.Kind.NOTE, "rolled back checkout");
        store.note(id, "dan", T0.minusSeconds(200), TimelineEntry.Kind.NOTE, "first 502s in the logs");

        assertThat(store.timeline(id)).extracting(TimelineEntry::text)
                .containsExactly("first 502s in the logs", "declared SEV2: Checkout 502s: payments pool exhausted",
                        "rolled back checkout");
        assertThatThrownBy(() -> store.note(id, "dan", T0, TimelineEntry.Kind.NOTE, "  "))
                .isInstanceOf(IncidentException.class);
    }

    @Test
    void listsNewestFirstAndFiltersByStatusSeverityServiceAndTime() {
        long a = store.create(Incident.declare("a", IncidentSeverity.SEV1, T0).withServices(List.of("checkout")),
                "x", T0).id();
        long b = store.create(Incident.declare("b", IncidentSeverity.SEV3, T0.plusSeconds(10))
                .withServices(List.of("search")), "x", T0).id();
        long c = store.create(Incident.declare("c", IncidentSeverity.SEV3, T0.plusSeconds(20))
                .withServices(List.of("checkout", "search")), "x", T0).id();
        store.change(b, "x", T0.plusSeconds(30), incident -> incident.resolve(T0.plusSeconds(30)));

        assertThat(ids(store.list(IncidentQuery.ALL))).containsExactly(c, b, a);
        assertThat(ids(store.list(IncidentQuery.ALL.openOnly(true)))).containsExactly(c, a);
        assertThat(ids(store.list(IncidentQuery.ALL.withSeverity(IncidentSeverity.SEV3)))).containsExactly(c, b);
        assertThat(ids(store.list(IncidentQuery.ALL.withService("checkout")))).containsExactly(c, a);
        assertThat(ids(store.list(IncidentQuery.ALL.withStatus(IncidentStatus.RESOLVED)))).containsExactly(b);
        assertThat(ids(store.list(IncidentQuery.ALL.since(T0.plusSeconds(10))))).containsExactly(c, b);
        assertThat(ids(store.list(IncidentQuery.ALL.limit(1)))).containsExactly(c);
    }

    @Test
    void tracksActionItemsAndNotesThemOnTheIncident() {
        long id = store.create(fullIncident(), "alice", T0).id();
        ActionItem item = store.addAction(new ActionItem(0, id, "Size the payments pool from load tests",
                ActionItem.Type.PREVENT, "carol", ActionItem.Priority.P2, LocalDate.parse("2026-12-01"),
                ActionItem.Status.OPEN, "JIRA-7", T0, null), "alice", T0.plusSeconds(5));

        ActionItem done = store.changeAction(item.id(), "carol", T0.plusSeconds(50),
                action -> action.withStatus(ActionItem.Status.DONE, T0.plusSeconds(50)));

        assertThat(store.actions(Optional.of(id))).containsExactly(done);
        assertThat(store.actions(Optional.empty())).containsExactly(done);
        assertThat(done.isOverdue(LocalDate.parse("2027-01-01"))).isFalse();
        assertThat(store.timeline(id)).filteredOn(entry -> entry.kind() == TimelineEntry.Kind.ACTION)
                .extracting(TimelineEntry::text)
                .containsExactly("action item ACT-" + item.id() + " added (prevent, P2, owner carol): "
                        + "Size the payments pool from load tests", "action item ACT-" + item.id()
                        + " status open → done");
    }

    @Test
    void anActionItemNeedsAnExistingIncident() {
        assertThatThrownBy(() -> store.addAction(new ActionItem(0, 999, "x", ActionItem.Type.OTHER, "",
                ActionItem.Priority.P3, null, ActionItem.Status.OPEN, "", T0, null), "x", T0))
                .isInstanceOf(IncidentException.class).hasMessage("no incident INC-999");
        assertThatThrownBy(() -> store.changeAction(999, "x", T0, action -> action))
                .isInstanceOf(IncidentException.class).hasMessage("no action item ACT-999");
    }

    @Test
    void storesHostileTextVerbatim() {
        String hostile = "'); DROP TABLE incidents; -- <script>alert(1)</script> \" \\ ünïcødé 🔥";
        long id = store.create(Incident.declare(hostile, IncidentSeverity.SEV4, T0)
                .withLabels(Map.of("x'; DELETE FROM timeline; --", hostile)).withServices(List.of(hostile)),
                hostile, T0).id();
        store.note(id, hostile, T0, TimelineEntry.Kind.NOTE, hostile);

        Incident read = store.get(id);
        assertThat(read.title()).isEqualTo(hostile);
        assertThat(read.labels()).containsEntry("x'; DELETE FROM timeline; --", hostile);
        assertThat(store.list(IncidentQuery.ALL.withService(hostile))).hasSize(1);
        assertThat(store.timeline(id)).hasSize(2).allSatisfy(entry -> assertThat(entry.actor()).isEqualTo(hostile));
    }

    @Test
    void concurrentEditsNeverLoseAnUpdate() throws Exception {
        long id = store.create(Incident.declare("busy", IncidentSeverity.SEV3, T0), "x", T0).id();
        int writers = 4;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        String name = "w" + writer + "-" + i;
                        store.change(id, name, T0, incident -> {
                            Map<String, String> labels = new java.util.HashMap<>(incident.labels());
                            labels.put(name, "1");
                            return incident.withLabels(labels);
                        });
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(store.get(id).labels()).hasSize(writers * each);
        assertThat(store.timeline(id)).hasSize(1 + writers * each);
    }

    @Test
    void responseTimeAndPostmortemDueFollowThePolicy() {
        long id = store.create(fullIncident(), "alice", T0).id();
        Incident acknowledged = store.change(id, "alice", T0.plus(Duration.ofMinutes(20)),
                incident -> incident.acknowledge(T0.plus(Duration.ofMinutes(20))));
        io.relia.incident.IncidentPolicy policy = io.relia.incident.IncidentPolicy.DEFAULT;

        assertThat(policy.responseTime(acknowledged)).contains(Duration.ofMinutes(22));
        assertThat(policy.responseBreached(acknowledged, T0.plus(Duration.ofHours(1)))).isTrue();
        Incident resolved = store.change(id, "alice", T0.plus(Duration.ofHours(1)),
                incident -> incident.resolve(T0.plus(Duration.ofHours(1))));
        assertThat(policy.postmortemDueAt(resolved)).contains(T0.plus(Duration.ofHours(49)));
        assertThat(policy.postmortemOverdue(resolved, T0.plus(Duration.ofHours(50)))).isTrue();
    }

    @Test
    void importsAPastIncidentWithItsActionItemsAndLifecycleInOneTransaction() {
        Incident past = fullIncident().acknowledge(T0.plusSeconds(60)).resolve(T0.plusSeconds(3600));
        ActionItem item = new ActionItem(0, 0, "Alert on pool saturation", ActionItem.Type.PREVENT, "carol",
                ActionItem.Priority.P2, null, ActionItem.Status.DONE, "", T0, null);

        Incident stored = store.importIncident(past, List.of(item), "import", "history.yaml");

        assertThat(store.get(stored.id())).isEqualTo(stored);
        assertThat(store.actions(Optional.of(stored.id()))).singleElement()
                .satisfies(action -> assertThat(action.incidentId()).isEqualTo(stored.id()));
        assertThat(store.timeline(stored.id())).extracting(entry -> entry.kind() + ":" + entry.field())
                .containsExactly("CHANGED:impact_started", "CREATED:", "CHANGED:acknowledged", "CHANGED:mitigated",
                        "CHANGED:resolved");
    }

    @Test
    void keepsOnlyHashesOfTokensAndVerifiesThem() {
        String token = store.tokens().create("alertmanager", T0);

        assertThat(token).startsWith("relia_").hasSizeGreaterThan(40);
        assertThat(store.tokens().verify(token)).map(ApiToken::name).contains("alertmanager");
        assertThat(store.tokens().verify(token + "x")).isEmpty();
        assertThat(store.tokens().verify("relia_guess")).isEmpty();
        assertThat(store.tokens().revoke("alertmanager", T0)).isEqualTo(1);
        assertThat(store.tokens().verify(token)).isEmpty();
        assertThat(store.ping()).isTrue();
    }

    @Test
    void aTokenCarriesItsScopesAndExpiry() {
        Instant expires = T0.plus(Duration.ofDays(30));
        String token = store.tokens().create("alertmanager", Set.of(TokenScope.INTAKE), Optional.of(expires), T0);

        ApiToken verified = store.tokens().verify(token).orElseThrow();

        assertThat(verified.scopes()).containsExactly(TokenScope.INTAKE);
        assertThat(verified.expires()).contains(expires);
        assertThat(verified.legacy()).isFalse();
        assertThat(verified.allows(TokenScope.WRITE)).isFalse();
        assertThat(verified.isExpiredAt(expires.minusMillis(1))).isFalse();
        assertThat(verified.isExpiredAt(expires)).isTrue();
    }

    @Test
    void listsLiveTokensWithTheirScopesButNotRevokedOnes() {
        store.tokens().create("alice", Set.of(TokenScope.READ, TokenScope.WRITE), Optional.empty(), T0);
        store.tokens().create("gone", Set.of(TokenScope.ADMIN), Optional.empty(), T0.plusSeconds(1));
        store.tokens().revoke("gone", T0.plusSeconds(2));

        assertThat(store.tokens().list()).singleElement().satisfies(token -> {
            assertThat(token.name()).isEqualTo("alice");
            assertThat(token.scopes()).containsExactly(TokenScope.READ, TokenScope.WRITE);
            assertThat(token.expires()).isEmpty();
        });
    }

    @Test
    void refusesTokensWithoutScopesOrThatExpireBeforeTheyAreCreated() {
        assertThatThrownBy(() -> store.tokens().create("x", Set.of(), Optional.empty(), T0))
                .isInstanceOf(IncidentException.class).hasMessageContaining("at least one scope");
        assertThatThrownBy(() -> store.tokens().create("x", Set.of(TokenScope.READ), Optional.of(T0), T0))
                .isInstanceOf(IncidentException.class).hasMessageContaining("must expire after");
        assertThat(store.tokens().list()).isEmpty();
    }

    private static List<Long> ids(List<Incident> incidents) {
        return incidents.stream().map(Incident::id).toList();
    }

    private static AlertEvent alertEvent(String key,
                                                                  AlertEvent.Action action,
                                                                  String name, String service, String severity) {
        return new AlertEvent(AlertEvent.Source.ALERTMANAGER, key,
                action, name, Map.of("alertname", name, "service", service, "severity", severity),
                Map.of("summary", "it's \"broken\"; DROP TABLE alerts; --"), "", Optional.of(
                T0.minusSeconds(30)), java.util.Optional.empty());
    }

    @Test
    void ingestsAlertsDedupsGroupsAndResolvesToMonitoringInOneTransaction() {
        var rules = IntakeRules.DEFAULT;
        var firing = AlertEvent.Action.FIRING;
        var resolved = AlertEvent.Action.RESOLVED;

        var first = store.ingest(List.of(alertEvent("f1", firing, "Latency", "checkout", "warning"),
                alertEvent("f2", firing, "Errors", "checkout", "critical"),
                alertEvent("f1", firing, "Latency", "checkout", "warning")), rules, T0);
        var second = store.ingest(List.of(alertEvent("f1", resolved, "Latency", "checkout", "warning"),
                alertEvent("f2", resolved, "Errors", "checkout", "critical"),
                alertEvent("zz", resolved, "Unknown", "checkout", "critical")), rules, T0.plusSeconds(60));

        assertThat(first).extracting(IntakeOutcome::kind).containsExactly(
                IntakeOutcome.Kind.OPENED, IntakeOutcome.Kind.JOINED,
                IntakeOutcome.Kind.REPEATED);
        assertThat(first.get(1).raisedFrom()).contains(IncidentSeverity.SEV3);
        assertThat(second).extracting(IntakeOutcome::kind).containsExactly(
                IntakeOutcome.Kind.RESOLVED, IntakeOutcome.Kind.RESOLVED,
                IntakeOutcome.Kind.IGNORED);
        long id = first.get(0).incident().orElseThrow().id();
        Incident incident = store.get(id);
        assertThat(incident.status()).isEqualTo(IncidentStatus.MONITORING);
        assertThat(incident.severity()).isEqualTo(IncidentSeverity.SEV2);
        assertThat(incident.times().detected()).isEqualTo(T0.minusSeconds(30));
        assertThat(incident.times().mitigated()).isEqualTo(T0.plusSeconds(60));
        assertThat(incident.times().acknowledged()).as("an alert resolving by itself is no acknowledgement").isNull();
        assertThat(store.alerts(id)).hasSize(2).allSatisfy(alert -> {
            assertThat(alert.firing()).isFalse();
            assertThat(alert.annotations().get("summary")).isEqualTo("it's \"broken\"; DROP TABLE alerts; --");
        });
        assertThat(store.alerts(id).get(0).receiveCount()).isEqualTo(3);
    }
}

package io.relia.incident.store;

import io.relia.incident.ActionItem;
import io.relia.incident.Incident;
import io.relia.incident.IncidentException;
import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentQuery;
import io.relia.incident.IncidentSeverity;
import io.relia.incident.IncidentStatus;
import io.relia.incident.IncidentStore;
import io.relia.incident.RuleViolation;
import io.relia.incident.RuleViolationException;
import io.relia.incident.TimelineEntry;
import io.relia.incident.intake.AlertEvent;
import io.relia.incident.intake.IntakeOutcome;
import io.relia.incident.intake.IntakeRules;
import io.relia.incident.metrics.IncidentMetrics;
import io.relia.incident.metrics.LeftOut;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The store applies the lifecycle, state and one-line rules to every write and keeps records that broke them
 * before (written by an older Relia, or behind its back) readable: SQLite and PostgreSQL run these same tests.
 */
abstract class StoreRulesContract {

    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    static final Instant YEAR_9999 = Instant.parse("9999-12-31T00:00:00Z");

    IncidentStore store;

    /** A new, empty store. */
    abstract IncidentStore openEmptyStore() throws Exception;

    /** Runs {@code sql} on the store's database directly, past every rule: how an old or foreign writer wrote. */
    abstract void rawSql(String sql) throws Exception;

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

    private long declare() {
        return store.create(Incident.declare("Checkout answers 502", IncidentSeverity.SEV2, T0), "alice", T0).id();
    }

    private static List<String> violations(Throwable refused) {
        return ((RuleViolationException) refused).violations().stream().map(RuleViolation::message).toList();
    }

    @Test
    void aChangedDeclarationWritesATimelineEntryLikeEveryOtherField() {
        long id = declare();

        store.change(id, "bob", T0.plusSeconds(60), incident -> incident.withDeclared(T0.minusSeconds(120))
                .withDetected(T0.minusSeconds(180)));

        assertThat(store.timeline(id)).filteredOn(entry -> entry.kind() == TimelineEntry.Kind.CHANGED)
                .extracting(TimelineEntry::field, TimelineEntry::before, TimelineEntry::after)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("declared", "2026-11-20T10:00:00Z",
                        "2026-11-20T09:58:00Z"), org.assertj.core.groups.Tuple.tuple("detected",
                        "2026-11-20T10:00:00Z", "2026-11-20T09:57:00Z"));
    }

    @Test
    void refusesANewRecordThatBreaksTheRulesNamingEveryBrokenRuleAndStoresNothing() {
        Incident draft = Incident.declare("Checkout\rdown", IncidentSeverity.SEV2, T0)
                .withDetected(T0.plusSeconds(60));

        assertThatThrownBy(() -> store.create(draft, "alice", T0)).isInstanceOf(RuleViolationException.class)
                .satisfies(refused -> assertThat(violations(refused)).containsExactly(
                        "the title contains a carriage return (U+000D) at character 9; it must be one line without "
                                + "control characters",
                        "detected 2026-11-20T10:01:00Z lies after declared 2026-11-20T10:00:00Z"));
        assertThat(store.list(IncidentQuery.ALL)).isEmpty();
    }

    @Test
    void refusesLifecycleTimesIn1970AndIn9999AndLeavesRecordAndTimelineUntouched() {
        long id = declare();
        Incident before = store.get(id);

        assertThatThrownBy(() -> store.change(id, "bob", Instant.EPOCH, incident -> incident.resolve(Instant.EPOCH)))
                .isInstanceOf(IncidentException.class)
                .hasMessageContaining("resolved 1970-01-01T00:00:00Z lies before declared 2026-11-20T10:00:00Z");
        assertThatThrownBy(() -> store.change(id, "bob", YEAR_9999, incident -> incident.acknowledge(YEAR_9999)))
                .isInstanceOf(IncidentException.class)
                .hasMessageStartingWith("acknowledged 9999-12-31T00:00:00Z lies in the future (now ");

        assertThat(store.get(id)).isEqualTo(before);
        assertThat(store.timeline(id)).hasSize(1);
    }

    @Test
    void refusesAStatusTheTimesDoNotSupport() {
        long id = declare();
        Incident open = store.get(id);
        Incident closedWithoutTimes = new Incident(id, open.title(), open.summary(), open.severity(),
                IncidentStatus.CLOSED, false, List.of(), Map.of(), List.of(), List.of(), Map.of(), open.times(),
                open.analysis());

        assertThatThrownBy(() -> store.change(id, "bob", T0, incident -> closedWithoutTimes))
                .isInstanceOf(RuleViolationException.class)
                .satisfies(refused -> assertThat(violations(refused)).containsExactly(
                        "status closed needs a resolved time", "status closed needs a closed time"));
    }

    @Test
    void refusesAnImportThatBreaksTheRules() {
        Incident past = Incident.declare("Checkout answers 502", IncidentSeverity.SEV2, T0).resolve(T0)
                .withDetected(T0.plusSeconds(600));

        assertThatThrownBy(() -> store.importIncident(past, List.of(), "import", "history.yaml"))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("detected 2026-11-20T10:10:00Z lies "
                        + "after declared 2026-11-20T10:00:00Z");
        assertThat(store.list(IncidentQuery.ALL)).isEmpty();
    }

    @Test
    void refusesATimelineEntryDatedInTheFuture() {
        long id = declare();

        assertThatThrownBy(() -> store.note(id, "dan", YEAR_9999, TimelineEntry.Kind.NOTE, "from the future"))
                .isInstanceOf(RuleViolationException.class).hasMessageStartingWith("at 9999-12-31T00:00:00Z lies in "
                        + "the future");
        assertThat(store.timeline(id)).hasSize(1);
    }

    @Test
    void refusesActionItemFieldsWithLineBreaks() {
        long id = declare();
        ActionItem draft = new ActionItem(0, id, "Alert on pool\nsaturation", ActionItem.Type.PREVENT, "carol",
                ActionItem.Priority.P2, null, ActionItem.Status.OPEN, "", T0, null);

        assertThatThrownBy(() -> store.addAction(draft, "alice", T0)).isInstanceOf(RuleViolationException.class)
                .hasMessageStartingWith("the action item's title contains a line break (U+000A) at character 14");
        assertThat(store.actions(Optional.of(id))).isEmpty();
    }

    @Test
    void aRecordThatBrokeTheRulesBeforeStaysReadableEditableAndOutOfTheMetrics() throws Exception {
        long id = declare();
        store.change(id, "alice", T0.plusSeconds(60), incident -> incident.resolve(T0.plusSeconds(60)));
        rawSql("UPDATE incidents SET resolved_at = 0, mitigated_at = 0, title = 'Checkout' || char(13) || 'down' "
                + "WHERE id = " + id);

        Incident legacy = store.get(id);
        assertThat(legacy.times().resolved()).isEqualTo(Instant.EPOCH);
        assertThat(store.list(IncidentQuery.ALL)).hasSize(1);
        store.change(id, "bob", T0.plusSeconds(120), incident -> incident.withSeverity(IncidentSeverity.SEV1));
        assertThatThrownBy(() -> store.change(id, "bob", T0.plusSeconds(180),
                incident -> incident.withTitle("Checkout\ndown"))).isInstanceOf(RuleViolationException.class);

        IncidentMetrics metrics = IncidentMetrics.compute(store.list(IncidentQuery.ALL), T0.minus(Duration.ofDays(1)),
                T0.plus(Duration.ofDays(1)), IncidentPolicy.DEFAULT);
        assertThat(metrics.overall().mttr().count()).isZero();
        assertThat(metrics.overall().timeToResolve().count()).isZero();
        assertThat(metrics.leftOut()).extracting(LeftOut::describe).containsExactly(
                "1 incident left out of MTTR: mitigated before detected",
                "1 incident left out of time to resolve: resolved before declared");
    }

    private static AlertEvent alert(String key, String name, Map<String, String> labels, String summary) {
        return new AlertEvent(AlertEvent.Source.ALERTMANAGER, key, AlertEvent.Action.FIRING, name, labels,
                Map.of("summary", summary), "", Optional.of(T0.minusSeconds(30)), Optional.empty());
    }

    @Test
    void intakeTakesAnAlertWhoseTextBreaksLinesAndNeutralisesIt() {
        List<IntakeOutcome> outcomes = store.ingest(List.of(alert("f1", "Disk\rFull", Map.of("service",
                "db\n1", "team", "storage\u001b[2J"), "disk\r\nalmost full")), IntakeRules.DEFAULT, T0);

        Incident opened = outcomes.getFirst().incident().orElseThrow();
        assertThat(outcomes).extracting(IntakeOutcome::kind).containsExactly(IntakeOutcome.Kind.OPENED);
        assertThat(opened.title()).isEqualTo("Disk Full on db 1: disk almost full");
        assertThat(opened.alerts()).containsExactly("Disk Full");
        assertThat(opened.services()).containsExactly("db 1");
        assertThat(opened.labels()).containsEntry("team", "storage [2J");
        assertThat(store.alerts(opened.id())).singleElement()
                .satisfies(stored -> assertThat(stored.alertname()).isEqualTo("Disk\rFull"));
    }

    @Test
    void intakeLeavesARecordThatBrokeTheRulesUnchangedAndStillRecordsTheAlert() throws Exception {
        long id = store.ingest(List.of(alert("f1", "Latency", Map.of("service", "checkout"), "slow")),
                IntakeRules.DEFAULT, T0).getFirst().incident().orElseThrow().id();
        rawSql("UPDATE incidents SET detected_at = " + YEAR_9999.toEpochMilli() + " WHERE id = " + id);

        List<IntakeOutcome> outcomes = store.ingest(List.of(new AlertEvent(AlertEvent.Source.ALERTMANAGER, "f1",
                AlertEvent.Action.RESOLVED, "Latency", Map.of("service", "checkout"), Map.of(), "", Optional.empty(),
                Optional.empty())), IntakeRules.DEFAULT, T0.plusSeconds(60));

        assertThat(outcomes).extracting(IntakeOutcome::kind).containsExactly(IntakeOutcome.Kind.RESOLVED);
        assertThat(store.get(id).status()).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(store.alerts(id)).singleElement().satisfies(stored -> assertThat(stored.firing()).isFalse());
        assertThat(store.timeline(id)).extracting(TimelineEntry::text).last().asString()
                .startsWith("relia intake left INC-" + id + " unchanged: mitigated 2026-11-20T10:01:00Z lies before "
                        + "detected 9999-12-31T00:00:00Z");
    }
}

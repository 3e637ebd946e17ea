package io.relia.incident.metrics;

import io.relia.incident.Analysis;
import io.relia.incident.Incident;
import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentSeverity;
import io.relia.incident.IncidentStatus;
import io.relia.incident.IncidentTimes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Incident metrics over a ten-day period starting 2026-01-01, with hand-computed expectations. Times are written as
 * minutes after the start of the period unless said otherwise.
 */
class IncidentMetricsTest {

    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant TO = FROM.plus(Duration.ofDays(10));

    private static Instant minute(long minutes) {
        return FROM.plus(Duration.ofMinutes(minutes));
    }

    private static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    /** Impact at {@code start}, detected and declared at {@code detected}, then acknowledged, mitigated, resolved. */
    private static Incident incident(IncidentSeverity severity, String service, long start, long detected, long ack,
                                     long mitigated, long resolved) {
        return Incident.declare("incident", severity, minute(detected)).withServices(List.of(service))
                .withImpactStarted(minute(start)).acknowledge(minute(ack)).mitigate(minute(mitigated))
                .resolve(minute(resolved));
    }

    private static IncidentMetrics compute(Incident... incidents) {
        return IncidentMetrics.compute(List.of(incidents), FROM, TO, IncidentPolicy.DEFAULT);
    }

    @Test
    void medianOfAnOddCountIsTheMiddleValue() {
        DurationStats stats = DurationStats.of(List.of(minutes(9), minutes(1), minutes(5)));
        assertThat(stats).isEqualTo(new DurationStats(3, minutes(5), minutes(5), minutes(9)));
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        DurationStats stats = DurationStats.of(List.of(minutes(1), minutes(2), minutes(4), minutes(10)));
        assertThat(stats.median()).isEqualTo(minutes(3));
        assertThat(stats.mean()).isEqualTo(Duration.ofSeconds(255));
    }

    @Test
    void p90IsNearestRankSoTenValuesGiveTheNinthAndElevenGiveTheTenth() {
        List<Duration> ten = List.of(minutes(1), minutes(2), minutes(3), minutes(4), minutes(5), minutes(6),
                minutes(7), minutes(8), minutes(9), minutes(100));
        assertThat(DurationStats.of(ten).p90()).isEqualTo(minutes(9));
        List<Duration> eleven = new java.util.ArrayList<>(ten);
        eleven.add(minutes(50));
        assertThat(DurationStats.of(eleven).p90()).isEqualTo(minutes(50));
        assertThat(DurationStats.of(List.of(minutes(7))).p90()).isEqualTo(minutes(7));
    }

    @Test
    void noDurationsGiveEmptyStats() {
        assertThat(DurationStats.of(List.of())).isEqualTo(DurationStats.EMPTY);
        assertThat(DurationStats.EMPTY.isEmpty()).isTrue();
    }

    @Test
    void detectAcknowledgeRecoverAndResolveAreMeasuredBetweenTheirTimestamps() {
        IncidentStats stats = compute(incident(IncidentSeverity.SEV2, "checkout", 0, 10, 15, 40, 70)).overall();
        assertThat(stats.count()).isEqualTo(1);
        assertThat(stats.mttd().median()).isEqualTo(minutes(10));
        assertThat(stats.mtta().median()).isEqualTo(minutes(5));
        assertThat(stats.mttr().median()).isEqualTo(minutes(40));
        assertThat(stats.timeToResolve().median()).isEqualTo(minutes(60));
    }

    @Test
    void withoutAnImpactStartMttdSkipsTheIncidentAndMttrCountsFromDetection() {
        Incident unknownStart = Incident.declare("incident", IncidentSeverity.SEV3, minute(100))
                .acknowledge(minute(110)).mitigate(minute(130)).resolve(minute(140));
        IncidentStats stats = compute(unknownStart, incident(IncidentSeverity.SEV3, "a", 0, 4, 5, 10, 20)).overall();
        assertThat(stats.mttd()).isEqualTo(new DurationStats(1, minutes(4), minutes(4), minutes(4)));
        assertThat(stats.mttr().count()).isEqualTo(2);
        assertThat(stats.mttr().mean()).isEqualTo(minutes(20));
    }

    @Test
    void openIncidentsCountForMttaButNotForMttrOrTimeToResolve() {
        Incident open = Incident.declare("incident", IncidentSeverity.SEV3, minute(0)).acknowledge(minute(6))
                .mitigate(minute(30));
        IncidentStats stats = compute(open, incident(IncidentSeverity.SEV3, "a", 0, 0, 2, 10, 20)).overall();
        assertThat(stats.open()).isEqualTo(1);
        assertThat(stats.mtta().count()).isEqualTo(2);
        assertThat(stats.mtta().median()).isEqualTo(minutes(4));
        assertThat(stats.mttr()).isEqualTo(new DurationStats(1, minutes(10), minutes(10), minutes(10)));
        assertThat(stats.timeToResolve().count()).isEqualTo(1);
    }

    @Test
    void drillsAreExcludedAndCountedSeparately() {
        Incident drill = incident(IncidentSeverity.SEV1, "checkout", 0, 0, 1, 2, 3).withDrill(true);
        IncidentMetrics metrics = compute(drill, incident(IncidentSeverity.SEV2, "checkout", 0, 0, 1, 2, 3));
        assertThat(metrics.drills()).isEqualTo(1);
        assertThat(metrics.overall().count()).isEqualTo(1);
        assertThat(metrics.bySeverity().get(IncidentSeverity.SEV1).count()).isZero();
        assertThat(metrics.byService().get("checkout").count()).isEqualTo(1);
    }

    @Test
    void incidentsDeclaredOutsideThePeriodAreExcludedWithTheEndExclusive() {
        Incident before = incident(IncidentSeverity.SEV2, "a", -20, -10, -5, -1, 5);
        Incident atStart = incident(IncidentSeverity.SEV2, "a", 0, 0, 1, 2, 3);
        Incident atEnd = Incident.declare("incident", IncidentSeverity.SEV2, TO);
        assertThat(compute(before, atStart, atEnd).overall().count()).isEqualTo(1);
    }

    @Test
    void mtbfPerServiceIsPeriodMinusImpactOverIncidents() {
        // checkout: impacts of 60 and 180 minutes in 14,400 minutes: (14,400 - 240) / 2 = 7,080 minutes.
        IncidentMetrics metrics = compute(incident(IncidentSeverity.SEV2, "checkout", 0, 5, 6, 60, 90),
                incident(IncidentSeverity.SEV3, "checkout", 1000, 1010, 1020, 1180, 1200),
                incident(IncidentSeverity.SEV3, "search", 2000, 2000, 2001, 2030, 2040));
        Mtbf checkout = metrics.mtbfByService().get("checkout");
        assertThat(checkout).isEqualTo(new Mtbf(minutes(14_400), minutes(240), 2));
        assertThat(checkout.mean()).contains(minutes(7_080));
        // overall: (14,400 - 240 - 30) / 3 = 4,710 minutes.
        assertThat(metrics.overallMtbf().mean()).contains(minutes(4_710));
    }

    @Test
    void overlappingImpactCountsOnceAndImpactBeforeThePeriodIsClipped() {
        // a: 30..90, b: 60..120 overlap to 30..120 = 90 minutes; c began 20 minutes before the period: 0..10.
        Incident c = Incident.declare("incident", IncidentSeverity.SEV4, minute(1)).withDetected(minute(-5))
                .withImpactStarted(minute(-20)).mitigate(minute(10)).resolve(minute(11));
        IncidentMetrics metrics = compute(incident(IncidentSeverity.SEV2, "x", 30, 31, 32, 90, 95),
                incident(IncidentSeverity.SEV2, "y", 60, 61, 62, 120, 125), c);
        assertThat(metrics.overallMtbf().impact()).isEqualTo(minutes(100));
        assertThat(metrics.overallMtbf().mean()).contains(minutes(14_300).dividedBy(3));
    }

    @Test
    void anUnmitigatedIncidentHasImpactUntilTheEndOfThePeriod() {
        Incident ongoing = Incident.declare("incident", IncidentSeverity.SEV1, TO.minus(minutes(30)))
                .withServices(List.of("db"));
        assertThat(compute(ongoing).mtbfByService().get("db")).isEqualTo(new Mtbf(minutes(14_400), minutes(30), 1));
    }

    @Test
    void aServiceWithoutIncidentsHasNoRowAndNoFailuresMeanNoMtbf() {
        IncidentMetrics metrics = compute();
        assertThat(metrics.byService()).isEmpty();
        assertThat(metrics.overallMtbf().mean()).isEmpty();
        assertThat(metrics.bySeverity()).hasSize(4);
    }

    @Test
    void anIncidentWithTwoServicesCountsForEachButOnceOverall() {
        Incident both = incident(IncidentSeverity.SEV2, "a", 0, 0, 1, 2, 3).withServices(List.of("a", "b"));
        IncidentMetrics metrics = compute(both);
        assertThat(metrics.overall().count()).isEqualTo(1);
        assertThat(metrics.services()).containsExactly("a", "b");
    }

    @Test
    void responseBreachesCountLateAcknowledgementsAndOpenUnacknowledgedIncidentsPastTheTarget() {
        // SEV2 target 15 minutes: acknowledged after 16 is a breach, after 15 is not.
        Incident late = incident(IncidentSeverity.SEV2, "a", 0, 0, 16, 20, 30);
        Incident onTime = incident(IncidentSeverity.SEV2, "a", 0, 0, 15, 20, 30);
        Incident waiting = Incident.declare("incident", IncidentSeverity.SEV2, minute(100));
        // Imported as resolved with no recorded acknowledgement: its response is unknown, not a breach.
        Incident unknown = new Incident(0, "imported", "", IncidentSeverity.SEV2, io.relia.incident.IncidentStatus.RESOLVED,
                false, List.of(), null, null, null, null, new io.relia.incident.IncidentTimes(minute(200), null,
                minute(200), null, minute(210), minute(220), null, null), null);
        IncidentMetrics metrics = compute(late, onTime, waiting, unknown);
        assertThat(metrics.overall().responseBreaches()).isEqualTo(2);
        assertThat(metrics.bySeverity().get(IncidentSeverity.SEV2).responseBreaches()).isEqualTo(2);
    }

    @Test
    void postmortemsOverdueAreJudgedAtTheEndOfThePeriod() {
        // Resolved 10 days before the end, SEV1 and SEV2 need one within 48 hours; SEV3 needs none.
        Incident due = incident(IncidentSeverity.SEV1, "a", 0, 0, 1, 2, 3);
        Incident done = incident(IncidentSeverity.SEV2, "a", 0, 0, 1, 2, 3).withPostmortemCompleted(minute(60));
        Incident notNeeded = incident(IncidentSeverity.SEV3, "a", 0, 0, 1, 2, 3);
        assertThat(compute(due, done, notNeeded).overall().postmortemsOverdue()).isEqualTo(1);
    }

    /** A record as an older Relia could store it: times set as given, in any order. */
    private static Incident stored(int detected, Integer impact, Integer ack, Integer mitigated, Integer resolved) {
        return new Incident(1, "legacy", "", IncidentSeverity.SEV2, resolved == null ? IncidentStatus.INVESTIGATING
                : IncidentStatus.RESOLVED, false, List.of("checkout"), Map.of(), List.of(), List.of(), Map.of(),
                new IncidentTimes(minute(detected), impact == null ? null : minute(impact), minute(detected),
                        ack == null ? null : minute(ack), mitigated == null ? null : minute(mitigated),
                        resolved == null ? null : minute(resolved), null, null), Analysis.EMPTY);
    }

    @Test
    void noMetricSeesANegativeDurationAndEachLeftOutIncidentIsCounted() {
        Incident good = incident(IncidentSeverity.SEV2, "checkout", 0, 10, 15, 40, 70);
        Incident resolvedBeforeDeclared = stored(100, null, 101, 102, 50);
        Incident mitigatedBeforeImpact = stored(200, 190, 205, 180, 230);
        Incident acknowledgedBeforeDetected = stored(300, 310, 250, null, null);

        IncidentMetrics metrics = compute(good, resolvedBeforeDeclared, mitigatedBeforeImpact,
                acknowledgedBeforeDetected);

        IncidentStats overall = metrics.overall();
        assertThat(overall.count()).isEqualTo(4);
        assertThat(List.of(overall.mttd(), overall.mtta(), overall.mttr(), overall.timeToResolve()))
                .allSatisfy(stats -> assertThat(stats.mean().isNegative() || stats.median().isNegative()
                        || stats.p90().isNegative()).isFalse());
        assertThat(overall.mttr().count()).isEqualTo(2);
        assertThat(overall.timeToResolve().count()).isEqualTo(2);
        assertThat(metrics.leftOut()).extracting(LeftOut::describe).containsExactly(
                "1 incident left out of time to resolve: resolved before declared",
                "1 incident left out of MTTR: mitigated before impact started",
                "1 incident left out of MTTD: detected before impact started",
                "1 incident left out of MTTA: acknowledged before detected");
        assertThat(metrics.bySeverity().get(IncidentSeverity.SEV2).mttr().count()).isEqualTo(2);
    }

    @Test
    void aTimeInTheFutureOfTheReportIsLeftOutToo() {
        Instant now = TO.minus(Duration.ofDays(5));
        Incident acknowledgedIn9999 = Incident.declare("incident", IncidentSeverity.SEV3, minute(10))
                .acknowledge(Instant.parse("9999-12-31T00:00:00Z"));

        IncidentMetrics metrics = IncidentMetrics.compute(List.of(acknowledgedIn9999), FROM, TO, now,
                IncidentPolicy.DEFAULT);

        assertThat(metrics.overall().mtta().count()).isZero();
        assertThat(metrics.leftOut()).extracting(LeftOut::describe)
                .containsExactly("1 incident left out of MTTA: acknowledged in the future");
    }

    @Test
    void anImpactStartBefore2000IsLeftOutRatherThanMeasuredInMillennia() {
        Incident impactIn1970 = stored(10, 0, 12, 20, 30).withImpactStarted(Instant.EPOCH);

        IncidentMetrics metrics = compute(impactIn1970);

        assertThat(metrics.overall().mttd().count()).isZero();
        assertThat(metrics.overall().mttr().count()).isZero();
        assertThat(metrics.leftOut()).extracting(LeftOut::describe).containsExactly(
                "1 incident left out of MTTD: impact started before 2000-01-01T00:00:00Z",
                "1 incident left out of MTTR: impact started before 2000-01-01T00:00:00Z");
    }

    @Test
    void aPeriodMustEndAfterItStarts() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> IncidentMetrics.compute(List.of(), TO, FROM, IncidentPolicy.DEFAULT));
    }
}

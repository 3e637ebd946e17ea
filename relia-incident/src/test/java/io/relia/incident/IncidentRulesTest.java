package io.relia.incident;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lifecycle, state and one-line rules every write of an incident or action item is checked against. */
class IncidentRulesTest {

    private static final Instant DECLARED = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant NOW = DECLARED.plus(Duration.ofDays(1));

    private static Instant minute(int minutes) {
        return DECLARED.plus(Duration.ofMinutes(minutes));
    }

    private static Incident declared() {
        return Incident.declare("Checkout answers 502", IncidentSeverity.SEV2, DECLARED);
    }

    /** A record whose times are set as given (minutes after the declaration; null when unset). */
    private static Incident withTimes(IncidentStatus status, Integer impact, Integer detected, Integer acknowledged,
                                      Integer mitigated, Integer resolved, Integer closed) {
        return new Incident(7, "Checkout answers 502", "", IncidentSeverity.SEV2, status, false, List.of(), Map.of(),
                List.of(), List.of(), Map.of(), new IncidentTimes(DECLARED, at(impact), at(detected), at(acknowledged),
                at(mitigated), at(resolved), at(closed), null), Analysis.EMPTY);
    }

    private static Instant at(Integer minutes) {
        return minutes == null ? null : minute(minutes);
    }

    private static List<String> messages(Incident incident) {
        return IncidentRules.violations(incident, NOW).stream().map(RuleViolation::message).toList();
    }

    @Test
    void aRecordWalkedThroughItsLifecycleBreaksNoRule() {
        Incident incident = declared().withDetected(minute(-5)).withImpactStarted(minute(-9)).acknowledge(minute(2))
                .withStatus(IncidentStatus.IDENTIFIED, minute(3)).mitigate(minute(20)).resolve(minute(30))
                .close(minute(60)).withPostmortemCompleted(minute(90));

        assertThat(IncidentRules.violations(incident, NOW)).isEmpty();
    }

    @Test
    void anAcknowledgementMayPrecedeTheDeclarationAndFollowTheMitigation() {
        assertThat(messages(withTimes(IncidentStatus.MONITORING, null, -10, -2, null, null, null)
                .alertsResolved(minute(5)))).isEmpty();
        assertThat(messages(withTimes(IncidentStatus.MONITORING, null, -10, 8, 5, null, null))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "INVESTIGATING | 5  | 0  |    |    |    |    | impact_started 2026-11-20T10:05:00Z lies after detected "
            + "2026-11-20T10:00:00Z",
        "INVESTIGATING |    | 5  |    |    |    |    | detected 2026-11-20T10:05:00Z lies after declared "
            + "2026-11-20T10:00:00Z",
        "INVESTIGATING |    | -5 | -9 |    |    |    | acknowledged 2026-11-20T09:51:00Z lies before detected "
            + "2026-11-20T09:55:00Z",
        "MONITORING    |    | -5 | 1  | -9 |    |    | mitigated 2026-11-20T09:51:00Z lies before detected "
            + "2026-11-20T09:55:00Z",
        "RESOLVED      |    | -5 | -2 | -1 | -1 |    | resolved 2026-11-20T09:59:00Z lies before declared "
            + "2026-11-20T10:00:00Z",
        "RESOLVED      |    | 0  | 9  | 5  | 6  |    | resolved 2026-11-20T10:06:00Z lies before acknowledged "
            + "2026-11-20T10:09:00Z",
        "RESOLVED      |    | 0  | 1  | 9  | 6  |    | resolved 2026-11-20T10:06:00Z lies before mitigated "
            + "2026-11-20T10:09:00Z",
        "CLOSED        |    | 0  | 1  | 2  | 6  | 5  | closed 2026-11-20T10:05:00Z lies before resolved "
            + "2026-11-20T10:06:00Z"})
    void refusesATimeOnTheWrongSideOfTheMomentItFollowsNamingBothTimes(IncidentStatus status, Integer impact,
            Integer detected, Integer acknowledged, Integer mitigated, Integer resolved, Integer closed,
            String message) {
        assertThat(messages(withTimes(status, impact, detected, acknowledged, mitigated, resolved, closed)))
                .containsExactly(message);
    }

    @Test
    void acceptsTimesUpToTheClockSkewAheadAndRefusesLater() {
        Instant aLittleAhead = NOW.plus(IncidentRules.CLOCK_SKEW);
        Instant tooFar = NOW.plus(IncidentRules.CLOCK_SKEW).plusSeconds(1);

        assertThat(IncidentRules.violations(declared().acknowledge(aLittleAhead), NOW)).isEmpty();
        assertThat(IncidentRules.violations(declared().acknowledge(tooFar), NOW)).singleElement()
                .satisfies(violation -> {
                    assertThat(violation.field()).isEqualTo("acknowledged");
                    assertThat(violation.message()).isEqualTo("acknowledged 2026-11-21T10:05:01Z lies in the future "
                            + "(now 2026-11-21T10:00:00Z; clocks may differ by 5 minutes)");
                });
    }

    @Test
    void refusesTheYear9999AndTheYear1970() {
        assertThat(messages(declared().acknowledge(Instant.parse("9999-12-31T00:00:00Z"))))
                .singleElement().asString().startsWith("acknowledged 9999-12-31T00:00:00Z lies in the future");
        assertThat(messages(Incident.declare("x", IncidentSeverity.SEV3, Instant.EPOCH)))
                .contains("declared 1970-01-01T00:00:00Z lies before 2000-01-01T00:00:00Z, the earliest time Relia "
                        + "stores");
    }

    @Test
    void aResolutionIn1970IsRefusedForEveryTimeItSetsAtOnceWithTheMostTellingReason() {
        Incident resolved = declared().resolve(Instant.EPOCH);

        assertThat(messages(resolved)).containsExactly(
                "acknowledged 1970-01-01T00:00:00Z lies before detected 2026-11-20T10:00:00Z",
                "mitigated 1970-01-01T00:00:00Z lies before detected 2026-11-20T10:00:00Z",
                "resolved 1970-01-01T00:00:00Z lies before declared 2026-11-20T10:00:00Z");
        assertThatThrownBy(() -> IncidentRules.requireValid(resolved, NOW))
                .isInstanceOf(RuleViolationException.class).isInstanceOf(IncidentException.class)
                .hasMessageContaining("; resolved 1970-01-01T00:00:00Z lies before declared 2026-11-20T10:00:00Z")
                .satisfies(refused -> assertThat(((RuleViolationException) refused).violations()).hasSize(3));
    }

    @Test
    void aClosedStatusNeedsResolvedAndClosedTimes() {
        assertThat(messages(withTimes(IncidentStatus.CLOSED, null, 0, null, null, null, null)))
                .containsExactly("status closed needs a resolved time", "status closed needs a closed time");
        assertThat(messages(withTimes(IncidentStatus.RESOLVED, null, 0, null, null, null, null)))
                .containsExactly("status resolved needs a resolved time");
        assertThat(messages(withTimes(IncidentStatus.RESOLVED, null, 0, 1, 1, 2, 3)))
                .containsExactly("status resolved but closed 2026-11-20T10:03:00Z is set; only a closed incident has "
                        + "a closed time");
        assertThat(messages(withTimes(IncidentStatus.INVESTIGATING, null, 0, 1, 1, 2, null)))
                .containsExactly("status investigating but resolved 2026-11-20T10:02:00Z is set; an open incident has "
                        + "no resolved time");
    }

    @Test
    void monitoringNeedsAMitigationAndAPostmortemAResolution() {
        assertThat(messages(withTimes(IncidentStatus.MONITORING, null, 0, null, null, null, null)))
                .containsExactly("status monitoring needs a mitigated time");
        Incident reopened = declared().resolve(minute(5)).withPostmortemCompleted(minute(9)).reopen();
        assertThat(IncidentRules.violations(reopened, NOW)).extracting(RuleViolation::field)
                .containsExactly("postmortem_completed");
    }

    @Test
    void aChangeIsRefusedOnlyForTheRulesItsFieldsConcern() {
        Incident legacy = withTimes(IncidentStatus.RESOLVED, null, 0, 1, 1, -30, null);

        assertThat(IncidentRules.violations(legacy, legacy.withTitle("Checkout answers 502 (payments)"), NOW))
                .isEmpty();
        assertThat(IncidentRules.violations(legacy, legacy.withDeclared(minute(-40)).withDetected(minute(-40)), NOW))
                .isEmpty();
        assertThat(IncidentRules.violations(legacy, legacy.withDeclared(minute(-10)).withDetected(minute(-10)), NOW))
                .extracting(RuleViolation::message)
                .containsExactly("resolved 2026-11-20T09:30:00Z lies before declared 2026-11-20T09:50:00Z");
    }

    @Test
    void aLifecycleTimeALittleBeforeTheMomentItFollowsIsTakenAsThatMoment() {
        Incident incident = declared().withDetected(minute(-1));

        assertThat(incident.acknowledge(minute(-3)).times().acknowledged()).isEqualTo(minute(-1));
        assertThat(incident.resolve(minute(-2)).times().resolved()).isEqualTo(DECLARED);
        assertThat(incident.acknowledge(minute(-60)).times().acknowledged()).isEqualTo(minute(-60));
        assertThat(messages(incident.acknowledge(minute(-60))))
                .containsExactly("acknowledged 2026-11-20T09:00:00Z lies before detected 2026-11-20T09:59:00Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Disk\rfull", "Disk\nfull", "Disk\u001b[2Jfull", "Disk\u0000full",
        "Disk\u202efull", "Disk\u2028full", "Disk\u0085full"})
    void aTitleRefusesLineBreaksAndControlCharacters(String title) {
        assertThat(IncidentRules.violations(declared().withTitle(title), NOW)).singleElement()
                .satisfies(violation -> {
                    assertThat(violation.field()).isEqualTo("title");
                    assertThat(violation.message()).startsWith("the title contains ").contains("(U+")
                            .endsWith("at character 5; it must be one line without control characters");
                });
    }

    @Test
    void namesTheCharacterWithoutEchoingIt() {
        assertThat(messages(declared().withTitle("Disk\rfull"))).containsExactly("the title contains a carriage "
                + "return (U+000D) at character 5; it must be one line without control characters");
    }

    @Test
    void everyOneLineFieldRefusesControlCharacters() {
        Incident incident = declared().withServices(List.of("checkout", "pay\nments")).withAlerts(List.of("A\rB"))
                .withSlos(List.of("checkout/\u001bavailability")).withLabels(Map.of("team", "shop\n"))
                .withRole(Role.INCIDENT_COMMANDER, "ali\rce");

        assertThat(IncidentRules.violations(incident, NOW)).extracting(RuleViolation::field)
                .containsExactly("services", "alerts", "slos", "labels", "role.commander");
        assertThat(IncidentRules.violations(declared().withLabels(Map.of("te\tam", "shop", "region", "eu\u0007")),
                NOW)).extracting(RuleViolation::message).containsExactly(
                "the value of label 1 contains a control character (U+0007) at character 3; it must be one line "
                        + "without control characters",
                "the key of label 2 contains a tab (U+0009) at character 3; it must be one line without control "
                        + "characters");
    }

    @Test
    void actionItemsKeepTitleOwnerAndLinkOnOneLine() {
        ActionItem item = new ActionItem(0, 1, "Alert on pool\rsaturation", ActionItem.Type.PREVENT, "b\nob",
                ActionItem.Priority.P2, LocalDate.parse("2026-12-01"), ActionItem.Status.OPEN, "JIRA-1", NOW, NOW);

        assertThat(IncidentRules.violations(item)).extracting(RuleViolation::field).containsExactly("title", "owner");
        assertThatThrownBy(() -> IncidentRules.requireValid(null, item)).isInstanceOf(RuleViolationException.class);
        ActionItem legacy = item.withId(3);
        IncidentRules.requireValid(legacy, legacy.withStatus(ActionItem.Status.DONE, NOW));
    }

    @Test
    void neutralisingTurnsControlCharactersIntoOneSpace() {
        assertThat(OneLine.neutralise("Disk\r\nfull on\u001b db-1 \u202e")).isEqualTo("Disk full on db-1");
        assertThat(OneLine.neutralise("\u0007")).isEmpty();
    }

    @Test
    void aChangedDeclarationIsAChangedField() {
        Incident before = declared();

        assertThat(before.withDeclared(minute(-3)).changesFrom(before)).containsExactly(new FieldChange("declared",
                "2026-11-20T10:00:00Z", "2026-11-20T09:57:00Z"));
    }

    @Test
    void anImplausibleTimelineEntryIsRefused() {
        assertThatThrownBy(() -> IncidentRules.requirePlausibleEntry(Instant.parse("9999-12-31T00:00:00Z"), NOW))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageStartingWith("at 9999-12-31T00:00:00Z lies in the future");
        IncidentRules.requirePlausibleEntry(NOW.minus(Duration.ofDays(400)), NOW);
    }
}

package io.relia.slo.openslo;

import io.relia.core.Problems;
import io.relia.slo.AlertTier;
import io.relia.slo.BurnRateAlert;
import io.relia.slo.Slo;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** OpenSLO alert policies become Relia's burn-rate alerts exactly, or are refused where they are written. */
class OpenSloAlertPoliciesTest {

    /** An SLO in the list layout with one policy by reference and one inline (line numbers below refer to it). */
    private static final String SLO = """
            - apiVersion: openslo/v1
              kind: SLO
              metadata:
                name: web-availability
              spec:
                service: web
                indicator:
                  spec:
                    ratioMetric:
                      counter: true
                      bad:
                        metricSource:
                          type: Prometheus
                          spec:
                            query: http_requests_total{code=~"5.."}
                      total:
                        metricSource:
                          type: Prometheus
                          spec:
                            query: http_requests_total
                timeWindow:
                  - duration: 28d
                    isRolling: true
                budgetingMethod: Occurrences
                objectives:
                  - target: 0.999
                alertPolicies:
                  - alertPolicyRef: fast-burn
                  - kind: AlertPolicy
                    metadata:
                      name: slow-burn
                    spec:
                      conditions:
                        - conditionRef: slow-condition
                      notificationTargets:
                        - kind: AlertNotificationTarget
                          metadata:
                            name: team-mail
                          spec:
                            target: email
            - apiVersion: openslo/v1
              kind: AlertPolicy
              metadata:
                name: fast-burn
              spec:
                alertWhenBreaching: true
                conditions:
                  - kind: AlertCondition
                    metadata:
                      name: fast-condition
                    spec:
                      severity: page
                      condition:
                        kind: burnrate
                        op: gt
                        threshold: 14.4
                        lookbackWindow: 1h
                        alertAfter: 2m
                notificationTargets:
                  - targetRef: pager
            - apiVersion: openslo/v1
              kind: AlertCondition
              metadata:
                name: slow-condition
              spec:
                severity: warning
                condition:
                  kind: burnrate
                  op: gt
                  threshold: 1
                  lookbackWindow: 3d
            - apiVersion: openslo/v1
              kind: AlertNotificationTarget
              metadata:
                name: pager
              spec:
                target: pagerduty
            """;

    private final OpenSloText text = new OpenSloText();
    private final Problems problems = text.problems;

    private List<Slo> read(String yaml) {
        return text.read(yaml);
    }

    private List<String> errors() {
        return text.errors();
    }

    private String onlyError(String yaml) {
        assertThat(read(yaml)).isEmpty();
        assertThat(errors()).hasSize(1);
        return errors().getFirst();
    }

    @Test
    void eachBurnRateConditionBecomesOneSingleWindowAlertOfItsSeverity() {
        Slo slo = read(SLO).getFirst();

        assertThat(problems.sorted()).isEmpty();
        assertThat(slo.burnRateAlerts()).containsExactly(
                new BurnRateAlert(Duration.ofHours(1), Duration.ofHours(1), 14.4, true, "page"),
                new BurnRateAlert(Duration.ofDays(3), Duration.ofDays(3), 1, false, "warning"));
    }

    @Test
    void alertAfterBecomesTheForClauseAndTargetsALabel() {
        Slo slo = read(SLO).getFirst();

        assertThat(slo.alerting().page()).isEqualTo(new AlertTier(false, Map.of("severity", "page",
                "notification_targets", "pager"), Map.of(), Optional.of(Duration.ofMinutes(2))));
        assertThat(slo.alerting().ticket()).isEqualTo(new AlertTier(false, Map.of("severity", "warning",
                "notification_targets", "team-mail"), Map.of(), Optional.empty()));
    }

    @Test
    void anSloWithoutPoliciesKeepsReliasPageAndTicketAlerts() {
        Slo slo = read(SLO.substring(0, SLO.indexOf("    alertPolicies:"))).getFirst();

        assertThat(slo.burnRateAlerts()).isEmpty();
        assertThat(slo.alerting().page().labels()).containsEntry("severity", "critical");
    }

    @Test
    void aTierWithoutConditionsIsOff() {
        Slo slo = read(SLO.replace("severity: warning", "severity: page")
                .replaceAll(" *alertAfter: 2m\n", "")).getFirst();

        assertThat(slo.alerting().ticket().disabled()).isTrue();
        assertThat(slo.burnRateAlerts()).allMatch(BurnRateAlert::page);
    }

    @Test
    void refusesOpsOtherThanGreaterThan() {
        assertThat(onlyError(SLO.replace("op: gt\n            threshold: 14.4", "op: lte\n            threshold: "
                + "14.4"))).isEqualTo("slo.yaml:55:17: error: op \"lte\" is not supported; expected op: gt (hint: a "
                + "burn-rate alert fires when the budget burns too fast, not too slowly)");
    }

    @Test
    void refusesGreaterOrEqualRatherThanApproximatingIt() {
        assertThat(onlyError(SLO.replace("op: gt\n      threshold: 1", "op: gte\n      threshold: 1")))
                .startsWith("slo.yaml:69:11: error: op \"gte\" is not supported; expected op: gt");
    }

    @Test
    void refusesAThresholdThatIsNoBurnRate() {
        assertThat(onlyError(SLO.replace("threshold: 14.4", "threshold: 0"))).isEqualTo(
                "slo.yaml:56:24: error: threshold 0 is not a burn rate; expected a burn rate above 0, such as 14.4");
    }

    @Test
    void refusesASeverityWithoutAReliaAlert() {
        assertThat(onlyError(SLO.replace("severity: warning", "severity: sev2"))).isEqualTo(
                "slo.yaml:66:15: error: severity \"sev2\" has no Relia alert; expected page or critical (Relia's "
                        + "page alert), ticket or warning (its ticket alert)");
    }

    @Test
    void refusesTwoPoliciesOfOneTierWithDifferentAlertAfter() {
        assertThat(onlyError(SLO.replace("severity: warning", "severity: page"))).isEqualTo(
                "slo.yaml:29:9: error: alert policies \"fast-burn\" and \"slow-burn\" both become Relia's page alert "
                        + "but their alertAfter differ (2m, 0m); expected one alertAfter per Relia alert (its for: "
                        + "clause)");
    }

    @Test
    void refusesAlertWhenNoData() {
        assertThat(onlyError(SLO.replace("alertWhenBreaching: true", "alertWhenNoData: true"))).startsWith(
                "slo.yaml:46:22: error: alertWhenNoData is not supported; expected alertWhenNoData: false");
    }

    @Test
    void refusesMoreThanOneConditionPerPolicy() {
        assertThat(onlyError(SLO.replace("        - conditionRef: slow-condition\n", "        - conditionRef: "
                + "slow-condition\n            - conditionRef: slow-condition\n"))).isEqualTo(
                "slo.yaml:34:13: error: \"spec.alertPolicies[1].spec.conditions\" has 2 items; expected exactly one "
                        + "condition (OpenSLO v1) (hint: write one alert policy per condition)");
    }

    @Test
    void anUnresolvedReferenceNamesTheMissingObjectOnce() {
        assertThat(onlyError(SLO.replace("targetRef: pager", "targetRef: pagr"))).isEqualTo(
                "slo.yaml:60:20: error: no AlertNotificationTarget named \"pagr\" in the files read; expected the "
                        + "name of a kind: AlertNotificationTarget object (hint: did you mean \"pager\"?)");
    }

    @Test
    void anInvalidReferencedConditionIsReportedWhereItIsWrittenOnly() {
        assertThat(onlyError(SLO.replace("lookbackWindow: 3d", "lookbackWindow: 3x")))
                .startsWith("slo.yaml:71:23: error:");
    }

    @Test
    void readsObjectsOfEachDocumentOfAMultiDocumentFileAsOfAList() {
        String multi = SLO.lines().map(line -> line.startsWith("- ") ? "---\n  " + line.substring(2) : line)
                .reduce("", (a, b) -> a + b + "\n");

        assertThat(read(multi)).hasSize(1);
        assertThat(errors()).isEmpty();
    }
}

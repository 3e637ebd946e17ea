package io.relia.audit.review;

import io.relia.core.Finding;
import io.relia.core.review.CheckStatus;
import io.relia.core.review.ChecklistEntry;
import io.relia.core.review.ChecklistItem;
import io.relia.core.review.Review;
import io.relia.core.review.ReviewResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The checklist items the audit's findings decide in {@code relia review}, each reported once. */
class AuditReviewAnalyzerTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private void write(String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private ReviewResult review() {
        return Review.withInstalledAnalyzers(TODAY).run(dir);
    }

    private static ChecklistEntry entry(ReviewResult result, ChecklistItem item) {
        return result.checklist().stream().filter(e -> e.item() == item).findFirst().orElseThrow();
    }

    @Test
    void alertsWithoutRunbooksFailWithTheirLocation() throws IOException {
        write("alerts.yaml", """
                groups:
                  - name: checkout
                    rules:
                      - alert: HighCpuUsage
                        expr: cpu > 0.85
                      - alert: CheckoutErrors
                        expr: errors > 0.01
                        annotations:
                          runbook_url: https://runbooks.example.com/checkout-errors
                      - alert: Orphan
                        expr: up == 0
                """);
        write("runbooks/high-cpu-usage.yaml", """
                name: High CPU Usage
                diagnosis_steps: [{step: 1, action: look, command: top}]
                mitigation_options: [{name: scale, risk: low}]
                escalation: {after: 30 minutes, to: sre}
                """);
        ChecklistEntry alerts = entry(review(), ChecklistItem.ALERTS_WITH_RUNBOOKS);
        assertThat(alerts.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(alerts.summary()).isEqualTo("2 of 3 alerts have a runbook");
        Finding finding = alerts.findings().getFirst();
        assertThat(finding.ruleId()).isEqualTo("prometheus/alert-without-runbook");
        assertThat(finding.location().toString()).isEqualTo(dir.resolve("alerts.yaml") + ":10:9");
        assertThat(entry(review(), ChecklistItem.RUNBOOKS).status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void anInvalidRunbookFailsWithTheLocatedReason() throws IOException {
        write("runbooks/bad.yaml", "name: Bad\ndiagnosis_steps: look at it\nmitigation_options: []\n");
        ChecklistEntry runbooks = entry(review(), ChecklistItem.RUNBOOKS);
        assertThat(runbooks.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(runbooks.findings()).filteredOn(f -> f.ruleId().equals("runbook/invalid"))
                .extracting(f -> f.location().line()).contains(2);
    }

    @Test
    void kubernetesFindingsDecideResourceLimitsAndSinglePointsOfFailureOnce() throws IOException {
        write("deploy.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api}
                spec:
                  replicas: 1
                  template:
                    metadata: {labels: {app: api}}
                    spec:
                      containers:
                        - name: api
                          image: api:1.0
                """);
        ReviewResult result = review();
        assertThat(entry(result, ChecklistItem.RESOURCE_LIMITS).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(entry(result, ChecklistItem.RESOURCE_LIMITS).findings()).extracting(Finding::ruleId)
                .containsExactly("k8s/missing-resources");
        assertThat(entry(result, ChecklistItem.SINGLE_POINTS_OF_FAILURE).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(entry(result, ChecklistItem.SINGLE_POINTS_OF_FAILURE).findings()).extracting(Finding::ruleId)
                .containsExactly("k8s/single-replica");
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals("k8s/single-replica")).hasSize(1);
    }

    @Test
    void replicatedWorkloadsLeaveSinglePointsOfFailureToAPerson() throws IOException {
        write("deploy.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api}
                spec:
                  replicas: 3
                  template:
                    metadata: {labels: {app: api}}
                    spec:
                      containers:
                        - name: api
                          image: api:1.0
                          resources:
                            requests: {cpu: 100m, memory: 128Mi}
                            limits: {memory: 256Mi}
                """);
        ReviewResult result = review();
        assertThat(entry(result, ChecklistItem.RESOURCE_LIMITS).status()).isEqualTo(CheckStatus.PASS);
        assertThat(entry(result, ChecklistItem.SINGLE_POINTS_OF_FAILURE).status()).isEqualTo(CheckStatus.MANUAL);
    }

    @Test
    void alertsWithoutAnyRunbookFailTheRunbookItem() throws IOException {
        write("alerts.yaml", "groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up == 0\n");
        ChecklistEntry runbooks = entry(review(), ChecklistItem.RUNBOOKS);
        assertThat(runbooks.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(runbooks.findings()).extracting(Finding::ruleId).containsExactly("review/no-runbooks");
    }
}

package io.relia.core.review;

import io.relia.core.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewTest {

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
    void anEmptyDirectoryPassesNothing() {
        ReviewResult result = review();
        assertThat(result.checklist())
                .allMatch(e -> e.status() == CheckStatus.MANUAL || e.status() == CheckStatus.NOT_CHECKED);
        assertThat(result.count(CheckStatus.PASS)).isZero();
        assertThat(result.checklist()).hasSize(ChecklistItem.values().length);
    }

    @Test
    void findsInputsByContentNotByPath() throws IOException {
        write("anywhere/x.yaml", "apiVersion: openslo/v1\nkind: SLO\nmetadata: {name: a}\n");
        write("odd/place.yml", "groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up == 0\n");
        write("k.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n---\n"
                + "apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nspec: {groups: []}\n");
        write("target/ignored.yaml", "apiVersion: openslo/v1\nkind: SLO\n");
        write("broken.yaml", "a: [\n");
        ServiceInventory inventory = review().inventory();
        assertThat(inventory.inputs()).extracting(input -> input.relative().toString() + "=" + input.kind())
                .containsExactlyInAnyOrder("anywhere/x.yaml=SLO_OPENSLO", "odd/place.yml=PROMETHEUS_RULES",
                        "k.yaml=KUBERNETES", "k.yaml=PROMETHEUS_RULES", "broken.yaml=UNREADABLE");
        assertThat(inventory.problems()).singleElement().asString().startsWith(dir.resolve("broken.yaml") + ":");
    }

    @Test
    void disasterRecoveryMustBeTestedAsOftenAsThePlanSays() throws IOException {
        write("dr.yaml", "disaster_recovery:\n  rpo: 1h\n  rto: 4h\n  testing:\n    frequency: quarterly\n"
                + "    last_test: 2025-01-15\n");
        ChecklistEntry overdue = entry(review(), ChecklistItem.DISASTER_RECOVERY_TESTED);
        assertThat(overdue.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(overdue.findings().getFirst().message()).contains("2025-01-15", "585 days overdue");
        write("dr.yaml", "disaster_recovery:\n  rpo: 1h\n  rto: 4h\n  testing:\n    frequency: quarterly\n"
                + "    last_test: 2026-10-01\n    next_test: 2027-01-01\n"
                + "  backup_strategy:\n    database: {type: continuous, retention: 30d}\n"
                + "  failover_procedures:\n    - {name: db, trigger: primary down, action: promote replica}\n");
        assertThat(entry(review(), ChecklistItem.DISASTER_RECOVERY_TESTED).status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void aDisasterRecoveryPlanWithoutRpoRtoOrWithALapsedNextTestFails() throws IOException {
        write("dr.yaml", "disaster_recovery:\n  testing:\n    frequency: quarterly\n    last_test: 2026-10-01\n"
                + "    next_test: 2026-11-01\n");
        ChecklistEntry gaps = entry(review(), ChecklistItem.DISASTER_RECOVERY_TESTED);
        assertThat(gaps.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(gaps.findings()).extracting(finding -> finding.ruleId())
                .containsExactly("dr/no-rpo", "dr/no-rto", "dr/no-backups", "dr/no-failover", "dr/next-test-passed");
        assertThat(gaps.findings().getLast().message()).contains("planned for 2026-11-01, 22 days ago");
        assertThat(gaps.findings().getLast().location().line()).isEqualTo(5);
    }

    @Test
    void kubernetesWorkloadsAnswerScalingNetworkAndSecretsItems() throws IOException {
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
                          env:
                            - {name: DB_PASSWORD, value: hunter2}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: api}
                spec: {podSelector: {matchLabels: {app: api}}}
                """);
        ReviewResult result = review();
        assertThat(entry(result, ChecklistItem.AUTO_SCALING).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(entry(result, ChecklistItem.NETWORK_POLICIES).status()).isEqualTo(CheckStatus.PASS);
        assertThat(entry(result, ChecklistItem.SECRETS_MANAGEMENT).findings()).extracting(Finding::ruleId)
                .containsExactly("k8s/secret-in-manifest");
    }

    @Test
    void theServiceCapacityHeadroomUsesThePlansTargetUtilisation() throws IOException {
        write("capacity.yaml", "target_utilization: 50%\nservice_capacity:\n  max_sustainable_rps_per_instance: 100\n"
                + "  instances: 2\n  current_peak_rps: 50\n");
        ChecklistEntry capacity = entry(review(), ChecklistItem.CAPACITY_PLANNING);
        // 200 req/s at 50% utilisation is 100 usable against a 50 req/s peak
        assertThat(capacity.evidence().getFirst()).contains("100 req/s usable (200 req/s total)", "headroom 2.00×");
    }

    @Test
    void capacityPlanGivesHeadroomAndRunway() throws IOException {
        write("capacity.yaml", "service_capacity:\n  max_sustainable_rps_per_instance: 100\n  instances: 2\n"
                + "  current_peak_rps: 50\n  growth_per_month: 10%\n");
        ReviewResult result = review();
        ChecklistEntry capacity = entry(result, ChecklistItem.CAPACITY_PLANNING);
        assertThat(capacity.status()).isEqualTo(CheckStatus.PASS);
        // 200 req/s against a 50 req/s peak growing 10% a month: ln(4) / ln(1.1) = 14.5 months
        assertThat(capacity.evidence().getFirst()).contains("headroom 4.00×", "14.5 months");
        @SuppressWarnings("unchecked")
        Map<String, Object> headroom = (Map<String, Object>) result.sections().stream()
                .filter(s -> s.id().equals("capacity")).findFirst().orElseThrow().data().get("headroom");
        assertThat((Double) headroom.get("runwayMonths")).isCloseTo(14.545, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void aFailingAnalyzerBecomesAProblemNotACrash() {
        ReviewAnalyzer broken = new ReviewAnalyzer() {
            @Override
            public String id() {
                return "broken";
            }

            @Override
            public ReviewSection analyze(ReviewContext context) {
                throw new IllegalStateException("boom");
            }
        };
        ReviewResult result = new Review(java.util.List.of(broken), TODAY).run(dir);
        assertThat(result.problems()).singleElement().asString().contains("the broken analyzer failed", "boom");
    }
}

package io.relia.audit.review;

import io.relia.core.Finding;
import io.relia.core.report.Document;
import io.relia.core.review.CheckStatus;
import io.relia.core.review.ChecklistEntry;
import io.relia.core.review.ChecklistItem;
import io.relia.core.review.Review;
import io.relia.core.review.ReviewResult;
import io.relia.core.review.ReviewSection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

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
    void oneRunbookIsCountedInTheSingular() throws IOException {
        write("runbooks/high-cpu-usage.yaml", """
                name: High CPU Usage
                diagnosis_steps: [{step: 1, action: look, command: top}]
                mitigation_options: [{name: scale, risk: low}]
                escalation: {after: 30 minutes, to: sre}
                """);
        assertThat(entry(review(), ChecklistItem.RUNBOOKS).summary()).isEqualTo("1 runbook");
    }

    @Test
    void anInvalidRunbookFailsWithTheLocatedReason() throws IOException {
        write("runbooks/bad.yaml", "name: Bad\ndiagnosis_steps: look at it\nmitigation_options: []\n");
        ChecklistEntry runbooks = entry(review(), ChecklistItem.RUNBOOKS);
        assertThat(runbooks.status()).isEqualTo(CheckStatus.FAIL);
        // An error of the format is an input problem (input/invalid), not a runbook/invalid warning.
        assertThat(runbooks.findings()).filteredOn(f -> f.ruleId().equals("input/invalid"))
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
                          ports: [{containerPort: 8080}]
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
        assertThat(entry(result, ChecklistItem.AUTO_SCALING).findings()).extracting(Finding::ruleId)
                .containsExactly("k8s/no-autoscaler");
        assertThat(entry(result, ChecklistItem.NETWORK_POLICIES).status()).isEqualTo(CheckStatus.PASS);
        assertThat(entry(result, ChecklistItem.NETWORK_POLICIES).evidence()).containsExactly(
                "Deployment/api: NetworkPolicy/api");
        assertThat(entry(result, ChecklistItem.SECRETS_MANAGEMENT).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(entry(result, ChecklistItem.SECRETS_MANAGEMENT).findings()).extracting(Finding::ruleId)
                .containsExactly("k8s/secret-in-manifest");
        assertThat(result.sections()).filteredOn(section -> section.id().equals("audit")).singleElement()
                .satisfies(section -> assertThat(section.blocks()).anySatisfy(block -> assertThat(block)
                        .isInstanceOfSatisfying(Document.Table.class, table -> assertThat(table.headers())
                                .containsExactly("Workload", "Replicas", "Probes", "Autoscaler", "NetworkPolicy",
                                        "Manifest"))));
    }

    @Test
    void everyFindingOfTheAuditIsAFindingOfTheSectionAndOfTheReview() throws IOException {
        write("deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  replicas: 3\n"
                + "  template:\n    spec:\n      containers:\n"
                + "        - {name: api, image: api:latest, ports: [{containerPort: 80}]}\n");
        ReviewResult result = review();
        ReviewSection audit = result.sections().stream().filter(section -> section.id().equals("audit"))
                .findFirst().orElseThrow();
        // k8s/image-latest-tag decides no checklist item, and is reported all the same.
        assertThat(audit.findings()).extracting(Finding::ruleId).contains("k8s/image-latest-tag",
                "k8s/missing-probes", "k8s/run-as-root");
        assertThat(result.findings()).containsAll(audit.findings());
    }

    @Test
    void securityFindingsFailTheSecurityReviewAndWithoutThemItNamesWhatToLink() throws IOException {
        write("deploy.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: agent}
                spec:
                  containers:
                    - name: agent
                      image: agent:1.0
                      securityContext: {privileged: true}
                """);
        ChecklistEntry failing = entry(review(), ChecklistItem.SECURITY_REVIEW);
        assertThat(failing.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(failing.findings()).extracting(Finding::ruleId).contains("k8s/privileged-container",
                "k8s/run-as-root").doesNotContain("k8s/no-network-policy");

        write("deploy.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: agent}
                spec:
                  securityContext: {runAsNonRoot: true}
                  containers:
                    - name: agent
                      image: agent:1.0
                      securityContext:
                        readOnlyRootFilesystem: true
                        allowPrivilegeEscalation: false
                        capabilities: {drop: [ALL]}
                """);
        ChecklistEntry clean = entry(review(), ChecklistItem.SECURITY_REVIEW);
        assertThat(clean.status()).isEqualTo(CheckStatus.MANUAL);
        assertThat(clean.summary()).contains("link the security review (threat model and findings), its date and "
                + "who signed it off");
    }

    @Test
    void aCriticalDependencyPassesWithTheBreakerThatGuardsItAndFailsWithout() throws IOException {
        write("relia.yaml", "service: checkout\ndependencies:\n  - {name: payments, kind: http, critical: true}\n");
        write("src/main/resources/application.yml", "spring:\n  application:\n    name: checkout\n"
                + "resilience4j:\n  circuitbreaker:\n    instances:\n      payments:\n"
                + "        failure-rate-threshold: 50\n");
        ChecklistEntry guarded = entry(review(), ChecklistItem.CIRCUIT_BREAKERS);
        assertThat(guarded.status()).isEqualTo(CheckStatus.PASS);
        assertThat(guarded.summary()).isEqualTo("1 critical dependency has a circuit breaker");
        assertThat(guarded.evidence()).singleElement().asString().startsWith("payments: Resilience4j config "
                + "\"payments\" (matched by its name) (");

        write("src/main/resources/application.yml", "spring:\n  application:\n    name: checkout\n");
        ChecklistEntry open = entry(review(), ChecklistItem.CIRCUIT_BREAKERS);
        assertThat(open.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(open.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("dependency/no-circuit-breaker");
            assertThat(finding.location().toString()).isEqualTo(dir.resolve("relia.yaml") + ":3:6");
        });
    }

    @Test
    void observabilityItemsPassWithTheEvidenceAndFailWithTheFinding() throws IOException {
        write("src/main/java/shop/Orders.java", """
                package shop;

                import org.slf4j.Logger;
                import org.slf4j.LoggerFactory;
                import org.springframework.web.bind.annotation.GetMapping;
                import org.springframework.web.bind.annotation.RestController;

                @RestController
                class Orders {
                    private static final Logger LOG = LoggerFactory.getLogger(Orders.class);

                    @GetMapping("/orders")
                    String list() {
                        LOG.info("listing orders");
                        return "[]";
                    }
                }
                """);
        write("src/main/resources/logback.xml", "<configuration>\n  <appender name=\"JSON\" "
                + "class=\"ch.qos.logback.core.ConsoleAppender\">\n"
                + "    <encoder class=\"net.logstash.logback.encoder.LogstashEncoder\"/>\n  </appender>\n"
                + "</configuration>\n");
        ReviewResult result = review();

        ChecklistEntry logging = entry(result, ChecklistItem.STRUCTURED_LOGGING);
        assertThat(logging.status()).isEqualTo(CheckStatus.PASS);
        assertThat(logging.evidence()).singleElement().asString().startsWith("logback.xml writes one JSON object per "
                + "event (").endsWith("logback.xml:3:1)");
        ChecklistEntry metrics = entry(result, ChecklistItem.METRICS_EXPOSED);
        assertThat(metrics.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(metrics.findings()).extracting(Finding::ruleId).containsExactly("java/handler-without-metrics");
        ChecklistEntry tracing = entry(result, ChecklistItem.DISTRIBUTED_TRACING);
        assertThat(tracing.status()).isEqualTo(CheckStatus.MANUAL);
        assertThat(tracing.summary()).contains("found no outbound call and no tracing in 1 Java file(s)",
                "show a trace that crosses it");
    }

    @Test
    void withNothingToReadEveryItemTheAuditDecidesSaysWhatEvidenceToShow() {
        ReviewResult result = review();
        for (ChecklistItem item : new AuditReviewAnalyzer().decides()) {
            ChecklistEntry entry = entry(result, item);
            assertThat(entry.status()).as(item.id()).isEqualTo(CheckStatus.MANUAL);
            assertThat(entry.summary()).as(item.id()).doesNotContain("will be checked").containsPattern(
                    "show|link|list|mark|add");
        }
    }

    @Test
    void aJavaFileThatDoesNotParseFailsTheItemsItsCodeFeeds() throws IOException {
        write("src/main/java/shop/Broken.java", "package shop;\nclass Broken {\n  void a( {\n}\n");
        ReviewResult result = review();
        for (ChecklistItem item : List.of(ChecklistItem.TIMEOUTS, ChecklistItem.METRICS_EXPOSED,
                ChecklistItem.CIRCUIT_BREAKERS)) {
            ChecklistEntry entry = entry(result, item);
            assertThat(entry.status()).as(item.id()).isEqualTo(CheckStatus.FAIL);
            assertThat(entry.findings()).as(item.id()).extracting(Finding::ruleId).contains("input/invalid");
        }
    }

    @Test
    void theReviewSaysWhichTestFilesTheAuditLeftOutWhenItCallsTheCodeClean() throws IOException {
        write("src/main/java/shop/Prices.java", "package shop;\nclass Prices {\n  int price() { return 1; }\n}\n");
        write("src/test/java/shop/PricesTest.java", """
                package shop;
                import java.net.http.HttpClient;
                class PricesTest {
                  HttpClient client = HttpClient.newHttpClient();
                }
                """);
        ReviewResult result = review();

        ChecklistEntry timeouts = entry(result, ChecklistItem.TIMEOUTS);
        assertThat(timeouts.status()).isEqualTo(CheckStatus.PASS);
        assertThat(timeouts.summary()).contains("in 1 Java file(s) (1 test file(s) not audited)");
        ReviewSection audit = result.sections().stream().filter(section -> section.id().equals("audit"))
                .findFirst().orElseThrow();
        assertThat(audit.findings()).isEmpty();
        assertThat(audit.data()).containsEntry("testFilesSkipped", 1);
        assertThat(audit.blocks()).anySatisfy(block -> assertThat(block).isInstanceOfSatisfying(
                Document.Paragraph.class, paragraph -> assertThat(paragraph.text())
                        .contains("in 1 Java file(s)", "1 test file(s) not audited (relia audit " + dir
                                + " --include-tests to audit them)")));
    }
}

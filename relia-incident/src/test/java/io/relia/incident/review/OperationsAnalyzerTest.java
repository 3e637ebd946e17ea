package io.relia.incident.review;

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

/** The operations section of relia review: owner, rotation, escalation and severity targets. */
class OperationsAnalyzerTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    private static final String RUNBOOK = "name: Errors\ntrigger: 5xx > 1%\ndiagnosis_steps:\n  - action: look\n"
            + "mitigation_options:\n  - name: roll back\n    risk: medium\n";

    @TempDir
    Path dir;

    private void write(String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private ChecklistEntry entry(ChecklistItem item) {
        ReviewResult result = Review.withInstalledAnalyzers(TODAY).run(dir);
        return result.checklist().stream().filter(e -> e.item() == item).findFirst().orElseThrow();
    }

    @Test
    void aServiceWithoutOwnerOrRotationFails() throws IOException {
        write("relia.yaml", "service: checkout\n");

        ChecklistEntry onCall = entry(ChecklistItem.ON_CALL);

        assertThat(onCall.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(onCall.findings()).extracting(Finding::ruleId).containsExactly("ops/no-oncall", "ops/no-owner");
    }

    @Test
    void aNamedOwnerAndRotationLeaveOnlyTheScheduleToConfirm() throws IOException {
        write("relia.yaml", "service: checkout\nowners: [team-checkout]\noncall: checkout-oncall\n");

        ChecklistEntry onCall = entry(ChecklistItem.ON_CALL);

        assertThat(onCall.status()).isEqualTo(CheckStatus.MANUAL);
        assertThat(onCall.evidence()).contains("owners: team-checkout", "on-call rotation: checkout-oncall");
    }

    @Test
    void aRunbookWithoutEscalationIsAGapInTheResponsePlan() throws IOException {
        write("relia.yaml", "service: checkout\nowners: [a]\noncall: b\n");
        write("runbooks/errors.yaml", RUNBOOK);
        write("runbooks/cpu.yaml", RUNBOOK.replace("Errors", "CPU") + "escalation:\n  after: 30m\n  to: sre\n");

        ChecklistEntry plan = entry(ChecklistItem.INCIDENT_RESPONSE_PLAN);

        assertThat(plan.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(plan.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("ops/runbook-no-escalation");
            assertThat(finding.message()).contains("\"Errors\"");
            assertThat(finding.location().file()).endsWith("errors.yaml");
        });
        assertThat(plan.evidence()).anyMatch(line -> line.endsWith("cpu.yaml: escalate after 30m to sre"));
    }

    @Test
    void theSeverityTargetsComeFromTheServicesIncidentPolicy() throws IOException {
        write("relia.yaml", "service: checkout\nowners: [a]\noncall: b\n");
        write("runbooks/cpu.yaml", RUNBOOK + "escalation:\n  after: 30m\n  to: sre\n");
        write("reliability/incidents.yaml", "response_targets:\n  SEV2: 10m\n");

        ChecklistEntry plan = entry(ChecklistItem.INCIDENT_RESPONSE_PLAN);

        assertThat(plan.status()).isEqualTo(CheckStatus.PASS);
        assertThat(plan.evidence()).contains("response targets (" + dir.resolve("reliability/incidents.yaml")
                + "): SEV1 5m, SEV2 10m, SEV3 1h, SEV4 4h");
    }
}

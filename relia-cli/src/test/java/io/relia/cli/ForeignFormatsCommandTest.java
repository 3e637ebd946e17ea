package io.relia.cli;

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

/**
 * validate, slo validate, review and audit name other tools' formats (slo-generator, Nobl9, Chaos Mesh, LitmusChaos,
 * Helm templates) and the folders they skip, on files from chaos-mesh, chaos-charts and slo-generator
 * (relia-core/src/test/resources/foreign/SOURCES.md).
 */
class ForeignFormatsCommandTest {

    private static final Path FOREIGN = Path.of("..", "relia-core", "src", "test", "resources", "foreign");
    private static final Path SLO_GENERATOR = FOREIGN.resolve("slo-generator/slo_prom_metrics_availability_ratio.yaml");
    private static final Path NOBL9 = FOREIGN.resolve("nobl9/checkout-slo.yaml");
    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-12-08T12:00:00Z"), ZoneOffset.UTC);
    private static final String RULES = "groups:\n  - name: g\n    rules:\n      - alert: Down\n"
            + "        expr: up == 0\n";

    @TempDir
    Path directory;

    @Test
    void validateSaysAnSloGeneratorSloIsNotReadAndWhatToDo() {
        CliRun run = CliRun.of("validate", SLO_GENERATOR.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(SLO_GENERATOR + ":1:1: warning: slo-generator SLO (sre.google.com/v2): not "
                + "read — convert to OpenSLO or Sloth; see docs/slo.md\n");
    }

    @Test
    void validateUnderStrictFailsAFileItDoesNotRead() {
        assertThat(CliRun.of("validate", "--strict", NOBL9.toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void validateNamesChaosMeshAndLitmusObjectsAndWhoRunsThem() {
        Path schedule = FOREIGN.resolve("chaos-mesh/schedule-podchaos.yaml");
        Path engine = FOREIGN.resolve("litmus/pod-delete-engine.yaml");

        CliRun run = CliRun.of("validate", schedule.toString(), engine.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(schedule + ": ok (Chaos Mesh Schedule (chaos-mesh.org/v1alpha1): read by "
                + "relia review (faults, targets, schedule, status); run by Chaos Mesh, not by Relia)",
                engine + ": ok (LitmusChaos ChaosEngine (litmuschaos.io/v1alpha1): read by relia review");
    }

    @Test
    void validateNamesAHelmTemplateInsteadOfFailingToParseIt() throws IOException {
        Path template = Files.createDirectories(directory.resolve("chart/templates")).resolve("deployment.yaml");
        Files.writeString(template, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n"
                + "{{- if .Values.enabled }}\nspec: {}\n{{- end }}\n");

        CliRun run = CliRun.of("validate", template.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEqualTo(template + ":1:1: warning: Helm template: not read — not rendered: run "
                + "`helm template` and review the output\n");
    }

    @Test
    void sloValidateRefusesNobl9WithItsNameForEachDocument() {
        CliRun run = CliRun.of("slo", "validate", NOBL9.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(NOBL9 + ":3:1: error: Nobl9 Service (n9/v1alpha): not read",
                NOBL9 + ":11:1: error: Nobl9 SLO (n9/v1alpha): not read — convert to OpenSLO or Sloth")
                .doesNotContain("not an SLO spec");
    }

    @Test
    void reviewOfForeignSlosSaysNoneIsReadNotThatNoneIsDefined() throws IOException {
        Files.copy(SLO_GENERATOR, directory.resolve("slo.yaml"));
        Files.copy(NOBL9, directory.resolve("nobl9.yaml"));

        ReviewResult result = Review.withInstalledAnalyzers(TODAY).run(directory);

        ChecklistEntry defined = result.checklist().stream().filter(e -> e.item() == ChecklistItem.SLOS_DEFINED)
                .findFirst().orElseThrow();
        assertThat(defined.status()).isEqualTo(CheckStatus.NOT_CHECKED);
        assertThat(defined.summary()).isEqualTo("no SLOs Relia reads; 1 slo-generator SLO, 1 Nobl9 SLO found (not "
                + "read: convert to OpenSLO or Sloth, see docs/slo.md)");
        assertThat(result.findings()).anySatisfy(finding -> assertThat(finding.ruleId()).isEqualTo("slo/not-read"))
                .noneSatisfy(finding -> assertThat(finding.ruleId()).isEqualTo("slo/none-defined"));
    }

    @Test
    void reviewTablesChaosMeshAndLitmusExperimentsInTheChaosSection() {
        CliRun run = CliRun.of("review", FOREIGN.toString());

        assertThat(run.out()).contains("5 Chaos Mesh and 2 LitmusChaos experiments, run by their operators",
                "PodChaos pod-kill", "cron @every 5s", "pod-delete Fail (ChaosResult)",
                "[chaos/operator-experiment-failed]").doesNotContain("no chaos experiments found");
    }

    @Test
    void aRecordedLitmusFailureFailsGracefulDegradation() {
        ReviewResult result = Review.withInstalledAnalyzers(TODAY).run(FOREIGN);

        ChecklistEntry degradation = result.checklist().stream()
                .filter(e -> e.item() == ChecklistItem.GRACEFUL_DEGRADATION).findFirst().orElseThrow();
        assertThat(degradation.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(degradation.summary()).startsWith("5 Chaos Mesh and 2 LitmusChaos experiments");
    }

    @Test
    void chaosMeshExperimentsWithoutARecordedResultAskForTheirRuns() throws IOException {
        Files.copy(FOREIGN.resolve("chaos-mesh/schedule-podchaos.yaml"), directory.resolve("schedule.yaml"));

        ReviewResult result = Review.withInstalledAnalyzers(TODAY).run(directory);

        ChecklistEntry degradation = result.checklist().stream()
                .filter(e -> e.item() == ChecklistItem.GRACEFUL_DEGRADATION).findFirst().orElseThrow();
        assertThat(degradation.status()).isEqualTo(CheckStatus.MANUAL);
        assertThat(degradation.summary()).startsWith("1 Chaos Mesh and 0 LitmusChaos experiment, run by their "
                + "operators, not by Relia; 0 record a last result in the file: show their recent runs");
    }

    @Test
    void auditOfATreeWhoseRulesLieInDistSaysWhyItScannedNothing() throws IOException {
        Path dist = Files.createDirectories(directory.resolve("dist/rules"));
        for (int i = 0; i < 4; i++) {
            Files.writeString(dist.resolve("rules-" + i + ".yaml"), RULES);
        }

        CliRun skipped = CliRun.of("audit", "--no-cache", directory.toString());
        CliRun included = CliRun.of("audit", "--no-cache", "--include", "dist", directory.toString());

        assertThat(skipped.out()).contains("0 files scanned, skipped dist/ (4 files, build output); --include dist "
                + "audits dist/");
        assertThat(included.out()).contains("4 files scanned").doesNotContain("skipped dist/");
    }

    @Test
    void reviewListsTheFoldersItSkippedAndReadsAnIncludedOne() throws IOException {
        Files.createDirectories(directory.resolve("dist"));
        Files.writeString(directory.resolve("dist/alerts.yaml"), RULES);

        CliRun skipped = CliRun.of("review", directory.toString());
        CliRun included = CliRun.of("review", "--include", "dist", directory.toString());

        assertThat(skipped.out()).contains("0 inputs in 0 files scanned; skipped dist/ (1 file, build output); "
                + "--include dist reads dist/");
        assertThat(included.out()).contains("1 inputs in 1 files scanned").contains("Prometheus rules");
    }
}

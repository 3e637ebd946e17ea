package io.relia.cli;

import io.relia.core.Finding;
import io.relia.core.review.CheckStatus;
import io.relia.core.review.ChecklistEntry;
import io.relia.core.review.ChecklistItem;
import io.relia.core.review.InputKind;
import io.relia.core.review.Review;
import io.relia.core.review.ReviewResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The review of the bundled example service: what it finds, and the planted flaws it is able to see. */
class ExampleServiceReviewTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "checkout-service");
    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    private static ReviewResult result;

    @BeforeAll
    static void review() {
        result = Review.withInstalledAnalyzers(TODAY).run(EXAMPLE);
    }

    private static ChecklistEntry entry(ChecklistItem item) {
        return result.checklist().stream().filter(e -> e.item() == item).findFirst().orElseThrow();
    }

    /**
     * One row of FLAWS.md.
     *
     * @param location path:line relative to the example
     * @param rule     the rule ID that should report it
     */
    record Flaw(String location, String rule) {
    }

    private static List<Flaw> flaws() throws IOException {
        return Files.readAllLines(EXAMPLE.resolve("FLAWS.md")).stream()
                .filter(line -> line.matches("\\| F\\d+ .*"))
                .map(line -> line.split("\\|"))
                .map(cells -> new Flaw(cells[2].strip(), cells[3].strip()))
                .toList();
    }

    @Test
    void findsEveryKindOfInputTheExampleKeeps() {
        Set<InputKind> kinds = result.inventory().inputs().stream().map(input -> input.kind())
                .collect(Collectors.toSet());
        assertThat(kinds).contains(InputKind.SERVICE_CONFIG, InputKind.SLO_NATIVE, InputKind.SLO_SLOTH,
                InputKind.SLO_OPENSLO, InputKind.PROMETHEUS_RULES, InputKind.RUNBOOK, InputKind.CHAOS_EXPERIMENT,
                InputKind.CAPACITY, InputKind.DISASTER_RECOVERY, InputKind.KUBERNETES, InputKind.JAVA_SOURCE,
                InputKind.METRICS_HISTORY);
        assertThat(kinds).doesNotContain(InputKind.UNREADABLE);
        assertThat(result.problems()).noneMatch(problem -> problem.isError());
    }

    @Test
    void everyPlantedFlawIsReportedAtItsLine() throws IOException {
        // The review's findings are the union of its sections', the audit's included: every planted flaw shows.
        List<Flaw> flaws = flaws();
        assertThat(flaws).hasSizeGreaterThanOrEqualTo(10);
        for (Flaw flaw : flaws) {
            assertThat(result.findings()).as(flaw.toString()).anySatisfy(finding -> {
                assertThat(finding.ruleId()).isEqualTo(flaw.rule());
                assertThat(EXAMPLE.relativize(Path.of(finding.location().file())) + ":" + finding.location().line())
                        .isEqualTo(flaw.location());
            });
        }
    }

    @Test
    void checksHonestlyWhatItCanAndSaysWhoChecksTheRest() {
        assertThat(entry(ChecklistItem.SLOS_DEFINED).status()).isEqualTo(CheckStatus.WARN);
        assertThat(entry(ChecklistItem.SLOS_DEFINED).summary()).startsWith("5 valid SLOs in 4 files "
                + "(checkout-availability is written 3 times, counted once); 1 measured by recorded data, the others "
                + "need relia slo status --prometheus URL");
        assertThat(entry(ChecklistItem.ERROR_BUDGET_TRACKING).status()).isEqualTo(CheckStatus.PASS);
        assertThat(entry(ChecklistItem.ERROR_BUDGET_TRACKING).evidence()).anySatisfy(line -> assertThat(line)
                .startsWith("checkout-availability: spent 4.1% of its 30d error budget, 95.9% left (healthy), data "
                        + "covers 6h of the 30d window (0.8%), recorded in"));
        assertThat(entry(ChecklistItem.TIMEOUTS).summary()).contains("relia audit");
        assertThat(entry(ChecklistItem.ALERTS_WITH_RUNBOOKS).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(entry(ChecklistItem.RUNBOOKS).status()).isEqualTo(CheckStatus.PASS);
        assertThat(entry(ChecklistItem.DEPENDENCIES_DOCUMENTED).status()).isEqualTo(CheckStatus.PASS);
        assertThat(entry(ChecklistItem.DISASTER_RECOVERY_TESTED).status()).isEqualTo(CheckStatus.PASS);
        assertThat(entry(ChecklistItem.CAPACITY_PLANNING).status()).isEqualTo(CheckStatus.PASS);
        assertThat(entry(ChecklistItem.SECURITY_REVIEW).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(entry(ChecklistItem.SECURITY_REVIEW).findings()).extracting(Finding::ruleId)
                .containsExactly("k8s/capabilities-not-dropped");
        assertThat(entry(ChecklistItem.CIRCUIT_BREAKERS).findings()).extracting(Finding::ruleId)
                .containsExactly("dependency/no-circuit-breaker");
        assertThat(entry(ChecklistItem.METRICS_EXPOSED).status()).isEqualTo(CheckStatus.PASS);
        assertThat(entry(ChecklistItem.STRUCTURED_LOGGING).findings()).extracting(Finding::ruleId)
                .containsExactly("java/unstructured-logging");
        assertThat(entry(ChecklistItem.DISTRIBUTED_TRACING).findings()).extracting(Finding::ruleId)
                .containsExactly("java/outbound-without-tracing");
        assertThat(result.checklist()).noneMatch(e -> e.summary().contains("will be checked by relia audit"));
        assertThat(result.checklist()).filteredOn(e -> e.status() == CheckStatus.PASS)
                .allSatisfy(e -> assertThat(e.checkedBy()).isNotEmpty());
    }

    @Test
    void theAvailabilitySloWrittenInThreeFormatsCountsOnceAndListsItsFormats() {
        assertThat(entry(ChecklistItem.SLOS_DEFINED).evidence()).anySatisfy(line -> assertThat(line)
                .startsWith("checkout-availability (").contains("relia/v1) is also written as "
                        + "checkout-requests-availability (").contains("prometheus/v1) and "
                        + "checkout-checkout-availability (").contains("openslo/v1; its window differs (28d, not 30d))")
                .endsWith(": same service and SLI, counted once"));
        assertThat(result.findings()).noneMatch(finding -> finding.ruleId().equals("slo/alert-name-clash"));
        assertThat(result.problems()).noneMatch(problem -> problem.isNote());
    }

    @Test
    void theTextReportListsInputsAndTheWholeChecklist() {
        CliRun run = CliRun.of("review", EXAMPLE.toString(), "--no-color");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Inputs found", "reliability/slos.yaml", "monitoring/alerts.yaml",
                "deploy/k8s/checkout.yaml", "Production readiness review: checkout");
        for (ChecklistItem item : ChecklistItem.values()) {
            assertThat(run.out()).contains(item.title());
        }
        assertThat(run.out()).doesNotContain("\u001b[");
    }
}

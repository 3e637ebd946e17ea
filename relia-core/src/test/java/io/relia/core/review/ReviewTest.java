package io.relia.core.review;

import io.relia.core.Finding;
import io.relia.core.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
    void aFailingAnalyzerBecomesAProblemNotACrash() {
        ReviewAnalyzer broken = new ReviewAnalyzer() {
            @Override
            public String id() {
                return "broken";
            }

            @Override
            public Set<ChecklistItem> decides() {
                return Set.of(ChecklistItem.AUDIT_LOGGING);
            }

            @Override
            public ReviewSection analyze(ReviewContext context) {
                throw new IllegalStateException("boom");
            }
        };
        ReviewResult result = new Review(List.of(broken), TODAY).run(dir);
        assertThat(result.problems()).singleElement().asString().contains("the broken analyzer failed", "boom");
        // The item it decides was not checked: it fails, naming the failure.
        ChecklistEntry auditLogging = entry(result, ChecklistItem.AUDIT_LOGGING);
        assertThat(auditLogging.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(auditLogging.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo(Finding.INPUT_INVALID);
            assertThat(finding.message()).contains("the broken analyzer failed");
        });
    }

    /** An analyzer deciding the given items with the given verdicts. */
    private static ReviewAnalyzer deciding(String id, Set<ChecklistItem> items, List<Verdict> verdicts) {
        return new ReviewAnalyzer() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Set<ChecklistItem> decides() {
                return items;
            }

            @Override
            public ReviewSection analyze(ReviewContext context) {
                return new ReviewSection(id, id, verdicts, List.of(), List.of(), Map.of());
            }
        };
    }

    @Test
    void twoAnalyzersCannotDecideTheSameItem() {
        ReviewAnalyzer one = deciding("one", Set.of(ChecklistItem.TIMEOUTS), List.of());
        ReviewAnalyzer two = deciding("two", Set.of(ChecklistItem.RETRY_BACKOFF, ChecklistItem.TIMEOUTS), List.of());

        assertThatThrownBy(() -> new Review(List.of(one, two), TODAY)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("timeouts is decided by both one and two");
    }

    @Test
    void aVerdictOnAnItemTheAnalyzerDoesNotOwnIsABug() {
        ReviewAnalyzer rogue = deciding("rogue", Set.of(ChecklistItem.TIMEOUTS),
                List.of(Verdict.pass(ChecklistItem.RETRY_BACKOFF, "fine", List.of())));

        ReviewResult result = new Review(List.of(rogue), TODAY).run(dir);

        assertThat(entry(result, ChecklistItem.RETRY_BACKOFF).status()).isNotEqualTo(CheckStatus.PASS);
        assertThat(entry(result, ChecklistItem.TIMEOUTS).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.problems()).singleElement().asString().contains("which it does not decide");
    }

    @Test
    void anUnreadableFileFailsTheItemsItsLikelyKindFeedsEvenWhenTheAnalyzerPassedThem() throws IOException {
        write("runbooks/high-cpu.yaml", "name: High CPU\ndiagnosis_steps:\n\t- step: 1\n");
        ReviewAnalyzer lenient = deciding("lenient", Set.of(ChecklistItem.RUNBOOKS),
                List.of(Verdict.pass(ChecklistItem.RUNBOOKS, "0 of 0 runbooks valid", List.of())));

        ReviewResult result = new Review(List.of(lenient), TODAY).run(dir);

        ChecklistEntry runbooks = entry(result, ChecklistItem.RUNBOOKS);
        assertThat(runbooks.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(runbooks.summary()).isEqualTo(dir.resolve("runbooks/high-cpu.yaml") + " could not be read or "
                + "validated");
        assertThat(runbooks.evidence()).first().asString().isEqualTo("from the inputs that could be read: PASS, "
                + "0 of 0 runbooks valid");
        assertThat(runbooks.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("input/invalid");
            assertThat(finding.severity()).isEqualTo(Severity.HIGH);
            assertThat(finding.location().toString()).isEqualTo(dir.resolve("runbooks/high-cpu.yaml") + ":3:1");
            assertThat(finding.message()).contains("tab");
        });
        assertThat(result.worstSeverity()).contains(Severity.HIGH);
        assertThat(result.unreadableFiles()).containsExactly(dir.resolve("runbooks/high-cpu.yaml").toString());
        assertThat(result.findings()).containsAll(runbooks.findings());
    }

    @Test
    void anUnreadableFileOfNoKnownKindIsStillAFinding() throws IOException {
        write("notes/misc.yaml", "a: [\n");

        ReviewResult result = review();

        assertThat(result.inputFindings()).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("input/invalid");
            // Low: no checklist item rests on a file of no known kind (docs/audit.md, "Input problems").
            assertThat(finding.severity()).isEqualTo(Severity.LOW);
        });
        assertThat(result.findings()).containsAll(result.inputFindings());
        assertThat(result.checklist()).noneMatch(entry -> entry.status() == CheckStatus.PASS);
    }

    @Test
    void anInvalidButParsableFileFailsItsItemsWithEveryProblemAtOnce() throws IOException {
        write("dr.yaml", "disaster_recovery:\n  rpo: soon\n  rto: later\n  testing:\n    frequency: quarterly\n"
                + "    last_test: 2026-10-01\n");

        ChecklistEntry dr = entry(review(), ChecklistItem.DISASTER_RECOVERY_TESTED);

        assertThat(dr.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(dr.findings()).filteredOn(finding -> finding.ruleId().equals("input/invalid"))
                .extracting(finding -> finding.location().line()).containsExactly(2, 3);
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFifoOrALinkToADeviceAmongTheInputsFailsItsItemsUnopened() throws IOException, InterruptedException {
        write("reliability/runbooks/real.yaml", "name: High CPU\ndiagnosis_steps:\n  - step: 1\n    action: look\n"
                + "mitigation_options:\n  - name: scale\n    action: scale out\n    risk: low\n");
        Path fifo = dir.resolve("reliability/runbooks/pipe.yaml");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is available");
        Files.createSymbolicLink(dir.resolve("reliability/runbooks/zero.yaml"), Path.of("/dev/zero"));
        Files.createSymbolicLink(dir.resolve("reliability/runbooks/linked.yaml"),
                dir.resolve("reliability/runbooks/real.yaml"));
        assumeTrue(new ProcessBuilder("mkfifo", dir.resolve("notes.txt").toString()).start().waitFor() == 0);

        ReviewResult result = review();

        assertThat(result.inventory().inputs()).extracting(input -> input.relative() + "=" + input.kind())
                .containsExactlyInAnyOrder("reliability/runbooks/linked.yaml=RUNBOOK",
                        "reliability/runbooks/pipe.yaml=UNREADABLE", "reliability/runbooks/real.yaml=RUNBOOK",
                        "reliability/runbooks/zero.yaml=UNREADABLE");
        ChecklistEntry runbooks = entry(result, ChecklistItem.RUNBOOKS);
        assertThat(runbooks.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(runbooks.findings()).filteredOn(finding -> finding.ruleId().equals("input/invalid"))
                .extracting(finding -> finding.location() + ": " + finding.message())
                .containsExactly(fifo + ": not a regular file (a FIFO); expected a regular file",
                        dir.resolve("reliability/runbooks/zero.yaml") + ": not a regular file (a link to a character "
                                + "device, /dev/zero); expected a regular file");
    }
}

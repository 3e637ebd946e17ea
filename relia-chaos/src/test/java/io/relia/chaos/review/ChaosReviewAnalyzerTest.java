package io.relia.chaos.review;

import io.relia.chaos.run.Journal;
import io.relia.chaos.run.JournalWriter;
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
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The chaos section of {@code relia review}: experiments, their newest run from the journals, and what is due. */
class ChaosReviewAnalyzerTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Clock TODAY = Clock.fixed(NOW, ZoneOffset.UTC);
    /** The example's payments-hang.yaml, comments left out: a native experiment scheduled weekly. */
    private static final String PAYMENTS_HANG = """
            experiment:
              name: "Payments slows down, then hangs"
              description: "Checkout stays fast and error-free while payments is slow and while it hangs"
              hypothesis:
                steady_state: "checkout p99 latency < 500ms, error rate < 1%"
                expected_behavior: "Checkout degrades gracefully: slower, orders accepted as pending, no errors"
              traffic:
                url: http://127.0.0.1:8080/checkout
                method: POST
                headers: {Content-Type: application/json}
                body: '{"order":"chaos-order","amount_cents":1299}'
                rate: 20
                timeout: 2s
                window: 4s
              proxy:
                admin: http://127.0.0.1:8474
                proxies:
                  - {name: payments, listen: "127.0.0.1:8091", upstream: "127.0.0.1:8081"}
              scope:
                proxies: [payments]
              method:
                - type: network-latency
                  target: {service: payments, percentage: 100}
                  latency: 200ms
                  duration: 8s
                - type: network-timeout
                  target: {service: payments, percentage: 100}
                  timeout: 0ms
                  duration: 8s
              rollback:
                automatic: true
                trigger: "error_rate > 20%"
              verification:
                - metric: p99_latency
                  threshold: "< 500ms"
                - metric: error_rate
                  threshold: "< 1%"
            schedule:
              environment: staging
              frequency: weekly
              notification: "#checkout-chaos-results"
            """;
    private static final String EXPERIMENT = "reliability/chaos/payments-hang.yaml";

    @TempDir
    Path dir;

    private void write(String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    /** A journal of payments-hang as {@code relia chaos run} writes it, named after {@code stamp}. */
    private Path journal(String stamp, Instant start, Journal.Status status, boolean deviated, boolean steadyBefore)
            throws IOException {
        Journal journal = new Journal(Map.of("title", "Payments slows down, then hangs"),
                "Payments slows down, then hangs", start, start.plusSeconds(30), status, deviated,
                Optional.of(new Journal.SteadyState("before", steadyBefore, List.of())), Optional.empty(), List.of(),
                List.of(), List.of(), List.of(), "", List.of(), List.of());
        Path path = dir.resolve("reliability/chaos/journals/payments-hang." + stamp + ".json");
        JournalWriter.write(journal, path);
        return path;
    }

    private ReviewResult review() {
        return Review.withInstalledAnalyzers(TODAY).run(dir);
    }

    private static ChecklistEntry gracefulDegradation(ReviewResult result) {
        return result.checklist().stream().filter(e -> e.item() == ChecklistItem.GRACEFUL_DEGRADATION).findFirst()
                .orElseThrow();
    }

    private static List<List<String>> rows(ReviewResult result) {
        ReviewSection chaos = result.sections().stream().filter(s -> s.id().equals("chaos")).findFirst()
                .orElseThrow();
        return chaos.blocks().stream().filter(Document.Table.class::isInstance).map(Document.Table.class::cast)
                .flatMap(table -> table.rows().stream())
                .map(row -> row.stream().map(Document.Cell::text).toList()).toList();
    }

    @Test
    void anExperimentThatNeverRanIsOverdueAtItsScheduleFrequency() throws IOException {
        write(EXPERIMENT, PAYMENTS_HANG);
        ReviewResult result = review();
        ChecklistEntry entry = gracefulDegradation(result);
        assertThat(entry.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(entry.findings()).extracting(Finding::ruleId).containsExactly("chaos/overdue");
        Finding overdue = entry.findings().getFirst();
        assertThat(overdue.message()).isEqualTo("\"Payments slows down, then hangs\" has never run; its schedule "
                + "says weekly (every 7d)");
        assertThat(overdue.location().file()).isEqualTo(dir.resolve(EXPERIMENT).toString());
        assertThat(overdue.location().line()).isEqualTo(PAYMENTS_HANG.lines().toList().indexOf("  frequency: weekly")
                + 1);
        assertThat(rows(result)).containsExactly(List.of("Payments slows down, then hangs",
                dir.resolve(EXPERIMENT).toString(), "payments: latency, timeout", "weekly", "never", "never run"));
    }

    @Test
    void aRecentPassDecidesGracefulDegradationWithoutFindings() throws IOException {
        write(EXPERIMENT, PAYMENTS_HANG);
        journal("20261121T090000Z", Instant.parse("2026-11-21T09:00:00Z"), Journal.Status.COMPLETED, false, true);
        ReviewResult result = review();
        ChecklistEntry entry = gracefulDegradation(result);
        assertThat(entry.status()).isEqualTo(CheckStatus.PASS);
        assertThat(entry.findings()).isEmpty();
        assertThat(entry.checkedBy()).containsExactly("chaos");
        assertThat(rows(result).getFirst()).endsWith("2026-11-21 09:00Z (2d3h ago)", "passed");
    }

    @Test
    void aPassOlderThanAWeekIsOverdueForAWeeklyExperiment() throws IOException {
        write(EXPERIMENT, PAYMENTS_HANG);
        journal("20261110T090000Z", Instant.parse("2026-11-10T09:00:00Z"), Journal.Status.COMPLETED, false, true);
        ReviewResult result = review();
        ChecklistEntry entry = gracefulDegradation(result);
        assertThat(entry.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(entry.findings()).extracting(Finding::ruleId).containsExactly("chaos/overdue");
        assertThat(entry.findings().getFirst().message()).isEqualTo("\"Payments slows down, then hangs\" last ran "
                + "2026-11-10 09:00Z (13d3h ago); its schedule says weekly (every 7d)");
        assertThat(rows(result).getFirst()).endsWith("2026-11-10 09:00Z (13d3h ago), overdue", "passed");
    }

    @Test
    void aFailedLastRunIsAFindingAtItsJournal() throws IOException {
        write(EXPERIMENT, PAYMENTS_HANG);
        Path failed = journal("20261122T090000Z", Instant.parse("2026-11-22T09:00:00Z"), Journal.Status.COMPLETED,
                true, true);
        ReviewResult result = review();
        ChecklistEntry entry = gracefulDegradation(result);
        assertThat(entry.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(entry.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("chaos/last-run-failed");
            assertThat(finding.severity()).isEqualTo(io.relia.core.Severity.MEDIUM);
            assertThat(finding.location().file()).isEqualTo(failed.toString());
            assertThat(finding.message()).endsWith("failed (status completed, deviated)");
        });
        assertThat(rows(result).getFirst().getLast()).isEqualTo("failed (status completed, deviated)");
    }

    @Test
    void anAbortedRunFailsWithItsStatus() throws IOException {
        write(EXPERIMENT, PAYMENTS_HANG);
        journal("20261122T090000Z", Instant.parse("2026-11-22T09:00:00Z"), Journal.Status.ABORTED, false, false);
        assertThat(rows(review()).getFirst().getLast())
                .isEqualTo("failed (status aborted, steady state not met before)");
    }

    @Test
    void theNewestRunIsChosenByItsStartNotByFileNameOrTime() throws IOException {
        write(EXPERIMENT, PAYMENTS_HANG);
        Path older = journal("20261122T235900Z", Instant.parse("2026-11-18T09:00:00Z"), Journal.Status.FAILED,
                false, true);
        Path newer = journal("20261101T000000Z", Instant.parse("2026-11-22T09:00:00Z"), Journal.Status.COMPLETED,
                false, true);
        Files.setLastModifiedTime(older, FileTime.from(NOW.minus(Duration.ofMinutes(1))));
        Files.setLastModifiedTime(newer, FileTime.from(NOW.minus(Duration.ofDays(20))));
        ReviewResult result = review();
        assertThat(gracefulDegradation(result).status()).isEqualTo(CheckStatus.PASS);
        assertThat(rows(result).getFirst()).endsWith("2026-11-22 09:00Z (1d3h ago)", "passed");
    }

    @Test
    void journalsAreNotTakenForExperiments() throws IOException {
        write(EXPERIMENT, PAYMENTS_HANG);
        journal("20261122T090000Z", Instant.parse("2026-11-22T09:00:00Z"), Journal.Status.COMPLETED, false, true);
        assertThat(rows(review())).hasSize(1);
    }

    @Test
    void anInvalidExperimentIsListedWithItsFirstErrorAndTheOthersStillReviewed() throws IOException {
        write(EXPERIMENT, PAYMENTS_HANG);
        write("reliability/chaos/broken.yaml", """
                experiment:
                  description: an experiment without a name
                  method: {type: network-latency, target: {service: payments}, latency: 1s, duration: 1m}
                """);
        ReviewResult result = review();
        assertThat(rows(result)).hasSize(2);
        assertThat(rows(result).getFirst().getFirst()).isEqualTo("(invalid)");
        assertThat(rows(result).getFirst().getLast()).startsWith("invalid: ").contains("name");
        assertThat(rows(result).getLast().getFirst()).isEqualTo("Payments slows down, then hangs");
        ChecklistEntry item = gracefulDegradation(result);
        assertThat(item.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(item.findings()).extracting(Finding::ruleId)
                .containsExactlyInAnyOrder(Finding.INPUT_INVALID, "chaos/overdue");
        assertThat(item.findings()).filteredOn(finding -> finding.ruleId().equals(Finding.INPUT_INVALID))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.location().file()).endsWith("broken.yaml");
                    assertThat(finding.location().line()).isEqualTo(2);
                    assertThat(finding.message()).contains("experiment.name");
                });
    }

    @Test
    void anExperimentTheRunWouldRefuseFailsTheItemWithTheValidatorsProblemAndNoFindingOfItsOwn()
            throws IOException {
        write(EXPERIMENT, PAYMENTS_HANG.replaceFirst("(?s)  traffic:.*?window: 4s\n", ""));

        ChecklistEntry item = gracefulDegradation(review());

        assertThat(item.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(item.findings()).extracting(Finding::ruleId).containsExactly(Finding.INPUT_INVALID);
        assertThat(item.findings().getFirst().message()).contains("declares no traffic source");
    }

    @Test
    void aChaosToolkitExperimentIsListedWithItsToxics() throws IOException {
        write("chaos/ledger.yaml", """
                title: Ledger is slow
                description: payments stays up while the ledger is slow
                x-relia:
                  proxy: {admin: http://127.0.0.1:8475}
                  scope: {proxies: [ledger]}
                steady-state-hypothesis:
                  title: healthy
                  probes:
                    - type: probe
                      name: health
                      tolerance: 200
                      provider: {type: http, url: http://127.0.0.1:8080/health}
                method:
                  - type: action
                    name: slow-ledger
                    provider: {type: toxiproxy, action: add-toxic, proxy: ledger, toxic_type: latency,
                               attributes: {latency: 250}}
                """);
        ReviewResult result = review();
        assertThat(rows(result)).containsExactly(List.of("Ledger is slow", dir.resolve("chaos/ledger.yaml").toString(),
                "ledger: latency", "none", "never", "never run"));
        assertThat(gracefulDegradation(result).findings()).singleElement().satisfies(finding ->
                assertThat(finding.message()).isEqualTo("\"Ledger is slow\" has never run; it has no schedule"));
    }

    @Test
    void aChaosToolkitExperimentWithAPythonProviderIsValidButNotRunnableHereAndNoInputFinding() throws IOException {
        write("chaos/drain.yaml", """
                title: Orders survive a node drain
                description: the drain is Chaos Toolkit's Kubernetes extension, a Python function
                steady-state-hypothesis:
                  title: healthy
                  probes:
                    - type: probe
                      name: health
                      tolerance: 200
                      provider: {type: http, url: http://127.0.0.1:8080/health}
                method:
                  - type: action
                    name: drain
                    provider: {type: python, module: chaosk8s.node.actions, func: drain_nodes}
                """);

        ReviewResult result = review();

        assertThat(rows(result)).singleElement().satisfies(row -> {
            assertThat(row.getFirst()).isEqualTo("Orders survive a node drain (not runnable here)");
            assertThat(row.getLast()).isEqualTo("not runnable here: Relia cannot run python provider "
                    + "chaosk8s.node.actions.drain_nodes (Chaos Toolkit can)");
        });
        ChecklistEntry item = gracefulDegradation(result);
        assertThat(item.findings()).noneMatch(finding -> finding.ruleId().equals(Finding.INPUT_INVALID));
        assertThat(item.summary()).contains("could be read and run by Relia");
        assertThat(result.findings()).noneMatch(finding -> finding.ruleId().equals(Finding.INPUT_INVALID));
    }

    @Test
    void aChaosToolkitJournalIsTheLastRunOfTheExperimentWithItsTitleNotAnotherExperiment() throws IOException {
        Path written = Path.of("src/test/resources/experiments/chaostoolkit-written");
        write("chaos/catalog-latency.json", Files.readString(written.resolve("catalog-latency.json")));
        write("chaos/journal.json", Files.readString(written.resolve("journal.json")));

        ReviewResult result = review();

        assertThat(rows(result)).singleElement().satisfies(row -> {
            assertThat(row.getFirst()).isEqualTo("The storefront keeps answering while the catalog is slow "
                    + "(not runnable here)");
            assertThat(row.get(4)).isEqualTo("2026-11-20 09:00Z (3d2h ago)");
            assertThat(row.getLast()).endsWith("; last run ended 2026-11-20 09:00Z, status completed, deviated true");
        });
        assertThat(result.findings()).noneMatch(finding -> finding.ruleId().equals(Finding.INPUT_INVALID));
        assertThat(result.inventory().ofKind(io.relia.core.review.InputKind.CHAOS_JOURNAL)).singleElement()
                .satisfies(input -> assertThat(input.path()).endsWith(Path.of("chaos/journal.json")));
    }

    @Test
    void aVariableTheReviewersShellLacksIsNeededAtRunTimeNotAnError() throws IOException {
        write("chaos/health.yaml", """
                title: Health answers through the ingress
                description: the ingress address comes from the environment where the experiment runs
                configuration:
                  ingress_host: {type: env, key: RELIA_TEST_INGRESS_HOST_NEVER_SET}
                steady-state-hypothesis:
                  title: healthy
                  probes:
                    - type: probe
                      name: health
                      tolerance: 200
                      provider: {type: http, url: "http://${ingress_host}/health"}
                method: []
                """);

        ReviewResult result = review();

        assertThat(rows(result)).singleElement().satisfies(row -> assertThat(row.getLast())
                .isEqualTo("needed at run time: RELIA_TEST_INGRESS_HOST_NEVER_SET"));
        assertThat(result.findings()).noneMatch(finding -> finding.ruleId().equals(Finding.INPUT_INVALID));
    }

    @Test
    void withoutExperimentsGracefulDegradationIsLeftToAPerson() throws IOException {
        write("relia.yaml", "service: checkout\n");
        ReviewResult result = review();
        assertThat(gracefulDegradation(result).status()).isEqualTo(CheckStatus.MANUAL);
        assertThat(result.sections()).filteredOn(s -> s.id().equals("chaos")).singleElement()
                .satisfies(section -> assertThat(section.blocks()).isEmpty());
    }
}

package io.relia.incident.runbook;

import io.relia.core.Problem;
import io.relia.incident.IncidentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Finding runbooks by name and by alert. */
class RunbookCatalogTest {

    private static final Path CATALOG = RunbookFileTest.RUNBOOKS.resolve("catalog");

    @TempDir
    Path dir;

    private final RunbookCatalog catalog = RunbookCatalog.load(CATALOG);

    @Test
    void readsRunbooksInSubDirectoriesAndReportsFilesThatAreNotRunbooks() {
        assertThat(catalog.runbooks()).extracting(Runbook::stem).containsExactly("disk-full", "replication-lag");
        assertThat(catalog.problems()).filteredOn(Problem::isError).isNotEmpty()
                .allSatisfy(problem -> assertThat(problem.location().file()).endsWith("notes.yml"));
    }

    @Test
    void findsARunbookByTitleOrFileStemInAnyCase() {
        RunbookCatalog examples = RunbookCatalog.load(RunbookFileTest.EXAMPLE);

        assertThat(examples.named("high cpu usage").stem()).isEqualTo("high-cpu-usage");
        assertThat(examples.named("High CPU Usage").stem()).isEqualTo("high-cpu-usage");
        assertThat(examples.named("HIGH-CPU-USAGE").name()).isEqualTo("High CPU Usage");
        assertThat(examples.named("checkout-errors").name()).isEqualTo("High Checkout Error Rate");
    }

    @Test
    void anUnknownNameListsTheRunbooksAndTheClosest() {
        RunbookCatalog examples = RunbookCatalog.load(RunbookFileTest.EXAMPLE);

        assertThatThrownBy(() -> examples.named("checkout-error"))
                .isInstanceOf(IncidentException.class)
                .hasMessageContaining("no runbook named \"checkout-error\"")
                .hasMessageContaining("Did you mean checkout-errors?")
                .hasMessageContaining("Runbooks: checkout-errors, high-cpu-usage");
    }

    @Test
    void findsTheRunbookListingTheAlertsName() {
        RunbookCatalog.AlertMatch match = catalog.forAlert("PostgresReplicaDown", Map.of(), Map.of()).orElseThrow();

        assertThat(match.runbook().stem()).isEqualTo("replication-lag");
        assertThat(match.rule()).isEqualTo("alert name PostgresReplicaDown in its alerts list");
    }

    @Test
    void findsTheRunbookNamedLikeTheAlert() {
        RunbookCatalog.AlertMatch match = catalog.forAlert("DiskAlmostFull", Map.of(), Map.of()).orElseThrow();

        assertThat(match.runbook().stem()).isEqualTo("disk-full");
        assertThat(match.rule()).startsWith("runbook named like the alert");
    }

    @Test
    void findsTheRunbookItsRunbookUrlAnnotationLinksTo() {
        RunbookCatalog.AlertMatch match = catalog.forAlert("Other", Map.of(), Map.of("runbook_url",
                "https://git.example/ops/runbooks/database/replication-lag.yaml#diagnosis")).orElseThrow();

        assertThat(match.runbook().stem()).isEqualTo("replication-lag");
        assertThat(match.rule()).startsWith("runbook_url annotation https://git.example/");
    }

    @Test
    void findsTheRunbookItsRunbookAnnotationNamesByPathOrStem() {
        assertThat(catalog.forAlert("Other", Map.of(), Map.of("runbook", "runbooks/disk-full.yaml")).orElseThrow()
                .runbook().stem()).isEqualTo("disk-full");
        assertThat(catalog.forAlert("Other", Map.of(), Map.of("runbook", "https://wiki.example/runbooks/disk-full/"))
                .orElseThrow().rule()).startsWith("runbook annotation");
    }

    @Test
    void findsTheRunbookWhoseLabelsAllMatchTheAlerts() {
        RunbookCatalog.AlertMatch match = catalog.forAlert("NodeDiskAlmostFull", Map.of("service", "orders",
                "alertname", "NodeDiskAlmostFull", "instance", "db-1"), Map.of()).orElseThrow();

        assertThat(match.runbook().stem()).isEqualTo("disk-full");
        assertThat(match.rule()).startsWith("labels");
    }

    @Test
    void findsNothingWhenOnlySomeLabelsMatch() {
        assertThat(catalog.forAlert("NodeDiskAlmostFull", Map.of("service", "search", "alertname",
                "NodeDiskAlmostFull"), Map.of())).isEmpty();
    }

    @Test
    void theAlertNameRuleWinsOverTheOthers() throws Exception {
        Files.copy(CATALOG.resolve("disk-full.yaml"), dir.resolve("disk-full.yaml"));
        Files.writeString(dir.resolve("lag.yaml"), "name: Lag\nalerts: [NodeDiskAlmostFull]\n"
                + "diagnosis_steps: [{action: a}]\nmitigation_options: [{name: m, risk: low}]\n");

        RunbookCatalog.AlertMatch match = RunbookCatalog.load(dir).forAlert("NodeDiskAlmostFull",
                Map.of("service", "orders", "alertname", "NodeDiskAlmostFull"),
                Map.of("runbook_url", "https://x/disk-full")).orElseThrow();

        assertThat(match.runbook().name()).isEqualTo("Lag");
    }

    @Test
    void twoRunbooksWithTheSameNameAreReported() throws Exception {
        String book = "name: Same\ndiagnosis_steps: [{action: a}]\nmitigation_options: [{name: m, risk: low}]\n";
        Files.writeString(dir.resolve("one.yaml"), book);
        Files.writeString(dir.resolve("two.yaml"), book);

        RunbookCatalog twins = RunbookCatalog.load(dir);

        assertThat(twins.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.isError()).isFalse();
            assertThat(problem.message()).contains("\"same\" also names");
        });
    }

    @Test
    void aMissingDirectoryIsAClearError() {
        assertThatThrownBy(() -> RunbookCatalog.load(dir.resolve("nowhere")))
                .isInstanceOf(IncidentException.class).hasMessageContaining("does not exist");
    }
}

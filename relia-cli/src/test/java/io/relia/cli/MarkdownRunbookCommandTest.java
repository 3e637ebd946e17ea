package io.relia.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * relia runbook validate|list|show|run, relia validate and relia review on Markdown runbooks: the
 * prometheus-operator runbooks (../shared/fixtures/runbooks-md, read in place) and small ones written here.
 */
class MarkdownRunbookCommandTest {

    private static final Path FIXTURES = Path.of("..", "..", "shared", "fixtures", "runbooks-md");
    private static final Path RUNBOOKS = FIXTURES.resolve("content/runbooks");

    @TempDir
    Path data;

    @BeforeAll
    static void fixturesArePresent() {
        assumeTrue(Files.isDirectory(FIXTURES), "../shared/fixtures/runbooks-md is absent");
    }

    @Test
    void validateAcceptsRealMarkdownRunbooksAndSaysWhichFilesAreNoRunbooks() {
        CliRun run = CliRun.of("runbook", "validate", RUNBOOKS.resolve("general/TargetDown.md").toString(),
                RUNBOOKS.resolve("general/Watchdog.md").toString(), RUNBOOKS.resolve("general/_index.md").toString(),
                FIXTURES.resolve("archetypes/default.md").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("_index.md: not a runbook: section index page")
                .contains("default.md: not a runbook: template (a Hugo archetype")
                .contains("2 runbooks valid; 2 files are not a runbook");
    }

    @Test
    void validateLocatesEveryProblemOfAMalformedMarkdownRunbook(@TempDir Path books) throws Exception {
        Path broken = books.resolve("DiskFull.md");
        Files.writeString(broken, """
                ---
                title: Disk full
                # DiskFull
                ## Diagnosis
                ```sh
                df -h
                ```
                ## Mitigation
                """);
        Path emptyMitigation = books.resolve("ApiDown.md");
        Files.writeString(emptyMitigation, """
                # ApiDown
                ## Meaning
                The API answers nothing.
                ## Impact
                Users see errors.
                ## Diagnosis
                ```sh
                curl -s localhost:8080/health
                ```
                ## Mitigation
                """);

        CliRun run = CliRun.of("runbook", "validate", broken.toString(), emptyMitigation.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(broken + ":1:1: error: the front matter opened at line 1 is never closed")
                .contains(emptyMitigation + ":10:1: error: the Mitigation section is empty")
                .doesNotContain("Exception");
    }

    @Test
    void listAndShowReadTheRealRunbooks() {
        CliRun list = CliRun.of("runbook", "list", "--dir", FIXTURES.toString());
        CliRun show = CliRun.of("runbook", "show", "AlertmanagerClusterDown", "--dir", FIXTURES.toString());

        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("11 runbooks in").contains("alerts: TargetDown").doesNotContain("_index");
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out()).contains("Alertmanager Cluster Down (")
                .contains("[diagnosis 1] Verify why pods are not running. You can get a big picture with `events`.")
                .contains("$ kubectl get events --field-selector involvedObject.kind=Pod | grep alertmanager")
                .contains("[mitigation 1] There are no cheap options to mitigate this risk.");
    }

    @Test
    void aDryRunOfARealMarkdownRunbookRecordsItsStepsAndExecutesNothing() {
        CliRun.of("incident", "new", "Alertmanager members inconsistent", "-s", "SEV3", "--data", data.toString());

        CliRun run = CliRun.of("runbook", "run", "AlertmanagerMembersInconsistent", "--incident", "1", "--dir",
                FIXTURES.toString(), "--dry-run", "--data", data.toString(), "--as", "alice");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("dry run: nothing is executed")
                .contains("$ kubectl describe svc alertmanager-main")
                .doesNotContain("Endpoints:")
                .contains("Done: 1 dry run, 1 manual");
        assertThat(CliRun.of("incident", "show", "1", "--data", data.toString()).out())
                .contains("runbook \"Alertmanager Members Inconsistent\" diagnosis 1");
    }

    @Test
    void withYesOnlyLowRiskDiagnosisCommandsRunAndMitigationWaitsForConfirmation(@TempDir Path books)
            throws Exception {
        Files.writeString(books.resolve("SafeAlert.md"), """
                # SafeAlert
                ## Diagnosis
                Print the incident:
                ```bash
                echo incident $RELIA_INCIDENT_ID
                ```
                ## Mitigation
                Leave a marker:
                ```sh
                touch marker
                ```
                """);
        CliRun.of("incident", "new", "x", "--data", data.toString());

        CliRun run = CliRun.of("runbook", "run", "SafeAlert", "--incident", "1", "--dir", books.toString(), "--yes",
                "--data", data.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Done: 1 executed, 1 skipped").contains("needs confirmation (risk medium)");
        assertThat(books.resolve("marker")).doesNotExist();
    }

    @Test
    void reliaValidateReadsAMarkdownRunbookAndWarnsAboutAnIndexPage() {
        CliRun runbook = CliRun.of("validate", RUNBOOKS.resolve("general/InfoInhibitor.md").toString());
        CliRun index = CliRun.of("validate", RUNBOOKS.resolve("alertmanager/_index.md").toString());

        assertThat(runbook.exitCode()).as(runbook.err()).isZero();
        assertThat(runbook.out()).contains("InfoInhibitor.md: ok (runbook (Markdown): read)");
        assertThat(index.exitCode()).isZero();
        assertThat(index.err()).contains("warning: not a runbook: section index page");
    }

    @Test
    void reviewListsAlertsWithoutRunbookAndRunbooksForNoAlertAndNeverCountsIndexPages(@TempDir Path service)
            throws Exception {
        Path runbooks = Files.createDirectories(service.resolve("runbooks"));
        Files.copy(RUNBOOKS.resolve("general/TargetDown.md"), runbooks.resolve("TargetDown.md"));
        Files.copy(RUNBOOKS.resolve("general/Watchdog.md"), runbooks.resolve("Watchdog.md"));
        Files.copy(RUNBOOKS.resolve("general/_index.md"), runbooks.resolve("_index.md"));
        Files.writeString(runbooks.resolve("README.md"), "# Runbooks\n\n## Diagnosis\n\nStart here.\n");
        Files.writeString(service.resolve("alerts.yaml"), """
                groups:
                  - name: general
                    rules:
                      - alert: TargetDown
                        expr: 100 * (count(up == 0) by (job) / count(up) by (job)) > 10
                        for: 10m
                        labels: {severity: warning}
                      - alert: ApiErrors
                        expr: sum(rate(http_requests_total{code=~"5.."}[5m])) > 1
                        for: 5m
                        labels: {severity: critical}
                """);

        CliRun run = CliRun.of("review", service.toString());

        assertThat(run.out()).contains("2 runbooks; 1 answer no alert of the service")
                .contains(runbooks.resolve("Watchdog.md") + ":1:1: runbook Watchdog answers no alert of the service")
                .contains("1 of 2 alerts have a runbook")
                .contains(service.resolve("alerts.yaml") + ":8:")
                .contains("alert ApiErrors has no runbook")
                .doesNotContain("_index.md").doesNotContain("README.md");
    }

    @Test
    void aRuleFileThatCannotBeReadLeavesRunbooksForNoAlertUnjudged(@TempDir Path service) throws Exception {
        Path runbooks = Files.createDirectories(service.resolve("runbooks"));
        Files.copy(RUNBOOKS.resolve("general/Watchdog.md"), runbooks.resolve("Watchdog.md"));
        Files.writeString(service.resolve("alerts.yaml"), """
                groups:
                  - name: general
                    rules:
                      - alert: TargetDown
                \texpr: up == 0
                """);

        CliRun run = CliRun.of("review", service.toString());

        assertThat(run.out()).contains("which runbooks answer no alert is not judged: a file that may hold alerts "
                + "could not be read").doesNotContain("answers no alert of the service");
    }

    @Test
    void aBrokenMarkdownRunbookFailsTheRunbooksItemAtItsLine(@TempDir Path service) throws Exception {
        Path runbooks = Files.createDirectories(service.resolve("runbooks"));
        Files.copy(RUNBOOKS.resolve("general/TargetDown.md"), runbooks.resolve("TargetDown.md"));
        Path broken = runbooks.resolve("ApiDown.md");
        Files.writeString(broken, "# ApiDown\n\n## Diagnosis\n\nLook at the dashboard.\n\n## Mitigation\n");

        CliRun run = CliRun.of("review", service.toString());

        assertThat(run.out()).contains("FAIL    Runbooks for common issues")
                .contains(broken + ":7:1: the Mitigation section is empty")
                .contains(broken + " (likely runbook (Markdown))");
    }
}

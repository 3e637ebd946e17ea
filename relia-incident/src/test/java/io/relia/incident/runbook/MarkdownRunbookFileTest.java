package io.relia.incident.runbook;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Markdown runbooks (prometheus-operator/runbooks, read in place) in the runbook model. */
class MarkdownRunbookFileTest {

    private static final Path FIXTURES = Path.of("..", "..", "shared", "fixtures", "runbooks-md");
    private static final Path RUNBOOKS = FIXTURES.resolve("content/runbooks");

    @BeforeAll
    static void fixturesArePresent() {
        assumeTrue(Files.isDirectory(FIXTURES), "../shared/fixtures/runbooks-md is absent");
    }

    private static Runbook load(String path) {
        RunbookFile.Loaded loaded = RunbookFile.load(RUNBOOKS.resolve(path));
        assertThat(loaded.notARunbook()).isEmpty();
        return loaded.runbook().orElseThrow(() -> new AssertionError(loaded.problems()));
    }

    @Test
    void theAlertIsTheFileStemTheNameTheTitleMeaningTheTriggerAndImpactTheImpact() {
        Runbook runbook = load("alertmanager/AlertmanagerFailedReload.md");

        assertThat(runbook.name()).isEqualTo("Alertmanager Failed Reload");
        assertThat(runbook.stem()).isEqualTo("AlertmanagerFailedReload");
        assertThat(runbook.alerts()).containsExactly("AlertmanagerFailedReload");
        assertThat(runbook.trigger()).startsWith("The alert `AlertmanagerFailedReload` is triggered when");
        assertThat(runbook.impact()).singleElement().asString().startsWith("The impact depends on the type of the "
                + "error");
        assertThat(runbook.escalation()).isEmpty();
    }

    @Test
    void shellBlocksAreStepsDescribedByTheProseBeforeThemAndTrailingProseIsAManualStep() {
        List<RunbookStep> steps = load("alertmanager/AlertmanagerFailedReload.md").steps();

        assertThat(steps).extracting(RunbookStep::reference).containsExactly("diagnosis 1", "diagnosis 2",
                "mitigation 1");
        RunbookStep first = steps.getFirst();
        assertThat(first.title()).isEqualTo("Verify if there is an error in `config-reloader` container logs. Here "
                + "an example with network issues.");
        assertThat(first.command()).contains("kubectl logs sts/alertmanager-main -c config-reloader");
        assertThat(first.risk()).isEqualTo(RunbookStep.Risk.LOW);
        assertThat(first.location().line()).isEqualTo(25);
        assertThat(steps.get(1).command()).isEmpty();
        assertThat(steps.get(1).title()).startsWith("You can also verify directly `alertmanager.yaml`");
        assertThat(steps.get(2).command()).isEmpty();
        assertThat(steps.get(2).risk()).isEqualTo(RunbookStep.Risk.MEDIUM);
    }

    @Test
    void aMitigationCommandIsMediumRiskSoItIsAskedEvenUnderYes() {
        List<RunbookStep> mitigation = load("alertmanager/AlertmanagerFailedToSendAlerts.md")
                .steps(RunbookStep.Phase.MITIGATION);

        assertThat(mitigation).filteredOn(step -> step.command().isPresent()).singleElement().satisfies(step -> {
            assertThat(step.command()).contains("kubectl -n monitoring logs -l 'alertmanager=main' -c alertmanager");
            assertThat(step.risk()).isEqualTo(RunbookStep.Risk.MEDIUM);
        });
    }

    @Test
    void aPromqlQueryStaysTextOfAManualStep() {
        List<RunbookStep> diagnosis = load("alertmanager/AlertmanagerFailedToSendAlerts.md")
                .steps(RunbookStep.Phase.DIAGNOSIS);

        assertThat(diagnosis).noneMatch(step -> step.command().isPresent());
        assertThat(diagnosis).anySatisfy(step -> assertThat(step.title())
                .isEqualTo("promql: rate(alertmanager_notifications_total{integration=\"pagerduty\"}[5m])"));
    }

    @Test
    void aBlockThatMayHoldPastedOutputIsAskedBeforeItRunsEvenInDiagnosis() {
        RunbookStep first = load("alertmanager/AlertmanagerClusterCrashlooping.md").steps().getFirst();

        assertThat(first.command().orElseThrow()).startsWith("kubectl get pod -l app=alertmanager");
        assertThat(first.risk()).isEqualTo(RunbookStep.Risk.MEDIUM);
        assertThat(first.title()).isEqualTo("Diagnosis");
    }

    @Test
    void theCatalogReadsEveryRunbookAndSkipsTheIndexPagesTheTemplateAndTheGuide() {
        RunbookCatalog catalog = RunbookCatalog.load(FIXTURES);

        assertThat(catalog.runbooks()).hasSize(11);
        assertThat(catalog.problems()).noneMatch(problem -> problem.isError());
        assertThat(catalog.runbooks()).extracting(Runbook::stem).doesNotContain("_index", "default", "add-runbook");
        assertThat(catalog.forAlert("Watchdog", Map.of(), Map.of())).hasValueSatisfying(match ->
                assertThat(match.rule()).isEqualTo("alert name Watchdog in its alerts list"));
        assertThat(catalog.named("alertmanager cluster down").stem()).isEqualTo("AlertmanagerClusterDown");
    }

    @Test
    void anIndexPageLoadsAsNotARunbookWithoutProblems() {
        RunbookFile.Loaded loaded = RunbookFile.load(RUNBOOKS.resolve("general/_index.md"));

        assertThat(loaded.runbook()).isEmpty();
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.notARunbook()).contains("section index page");
    }

    @Test
    void theFrontMatterAlertIsWhatRunbookForMatches(@TempDir Path books) throws Exception {
        Files.writeString(books.resolve("disk.md"), """
                ---
                alert: NodeFilesystemSpaceFillingUp
                ---
                # Disk filling up
                ## Diagnosis
                ```sh
                df -h
                ```
                ## Mitigation
                Grow the volume.
                """);

        RunbookCatalog catalog = RunbookCatalog.load(books);

        assertThat(catalog.forAlert("NodeFilesystemSpaceFillingUp", Map.of(), Map.of())).hasValueSatisfying(
                match -> assertThat(match.runbook().name()).isEqualTo("Disk filling up"));
    }

    @Test
    void aMalformedMarkdownRunbookIsACatalogProblemAtItsLine(@TempDir Path books) throws Exception {
        Files.writeString(books.resolve("Broken.md"), """
                # Broken
                ## Diagnosis
                Look at it.
                ## Mitigation
                """);

        RunbookCatalog catalog = RunbookCatalog.load(books);

        assertThat(catalog.runbooks()).isEmpty();
        assertThat(catalog.problems()).filteredOn(problem -> problem.isError()).singleElement()
                .satisfies(problem -> assertThat(problem.format()).contains("Broken.md:4:1")
                        .contains("the Mitigation section is empty"));
    }

    @Test
    void theLowerCasedRunbookUrlOfKubePrometheusLeadsToTheMarkdownRunbook() {
        RunbookCatalog catalog = RunbookCatalog.load(FIXTURES);

        assertThat(catalog.forAlert("SomeRenamedAlert", Map.of(), Map.of("runbook_url",
                "https://runbooks.prometheus-operator.dev/runbooks/general/targetdown"))).hasValueSatisfying(match ->
                assertThat(match.runbook().stem()).isEqualTo("TargetDown"));
    }
}

package io.relia.core.markdown;

import io.relia.core.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class MarkdownRunbookReaderTest {

    /** prometheus-operator/runbooks at a685d14 (Apache-2.0), read in place: see its SOURCES.md. */
    private static final Path FIXTURES = Path.of("..", "..", "shared", "fixtures", "runbooks-md");
    private static final Path RUNBOOKS = FIXTURES.resolve("content/runbooks");

    static Stream<Path> realRunbooks() throws IOException {
        assumeTrue(Files.isDirectory(FIXTURES), "../shared/fixtures/runbooks-md is absent");
        try (Stream<Path> files = Files.walk(RUNBOOKS)) {
            return files.filter(file -> file.toString().endsWith(".md"))
                    .filter(file -> !file.getFileName().toString().startsWith("_")).sorted().toList().stream();
        }
    }

    @Test
    void theFixtureHoldsElevenRunbooks() throws IOException {
        assertThat(realRunbooks()).hasSize(11);
    }

    @ParameterizedTest
    @MethodSource("realRunbooks")
    void everyRealRunbookReadsWithItsFileStemAsAlertAndTheFourSections(Path file) {
        MarkdownRunbookReader.Reading reading = MarkdownRunbookReader.read(file);

        assertThat(reading.problems()).filteredOn(Problem::isError).isEmpty();
        MarkdownRunbook runbook = reading.runbook().orElseThrow();
        String stem = file.getFileName().toString().replace(".md", "");
        assertThat(runbook.alert()).isEqualTo(stem);
        assertThat(runbook.sections()).extracting(MarkdownRunbook.Section::kind)
                .containsExactly(MarkdownRunbook.SectionKind.values());
        assertThat(runbook.sections()).allSatisfy(section -> assertThat(section.location().line()).isPositive());
    }

    @Test
    void titleComesFromTheFrontMatterAndSectionsKeepTheirFileLines() {
        MarkdownRunbook runbook = MarkdownRunbookReader.read(RUNBOOKS.resolve(
                "alertmanager/AlertmanagerClusterDown.md")).runbook().orElseThrow();

        assertThat(runbook.title()).isEqualTo("Alertmanager Cluster Down");
        assertThat(runbook.titleAt().line()).isEqualTo(2);
        assertThat(runbook.sections(MarkdownRunbook.SectionKind.DIAGNOSIS).getFirst().location().line())
                .isEqualTo(16);
        List<MarkdownRunbook.Block> shell = runbook.shellBlocks(MarkdownRunbook.SectionKind.DIAGNOSIS);
        assertThat(shell).singleElement().satisfies(block -> {
            assertThat(block.location().line()).isEqualTo(21);
            assertThat(block.command()).contains("kubectl get events --field-selector involvedObject.kind=Pod "
                    + "| grep alertmanager");
        });
    }

    @Test
    void titleComesFromTheFirstHeadingWithoutFrontMatter() {
        MarkdownRunbook runbook = MarkdownRunbookReader.read(RUNBOOKS.resolve("general/TargetDown.md"))
                .runbook().orElseThrow();

        assertThat(runbook.title()).isEqualTo("TargetDown");
        assertThat(runbook.titleAt().line()).isEqualTo(1);
    }

    @Test
    void aTranscriptRunsOnlyItsPromptedCommands() {
        MarkdownRunbook runbook = MarkdownRunbookReader.read(RUNBOOKS.resolve(
                "alertmanager/AlertmanagerMembersInconsistent.md")).runbook().orElseThrow();

        assertThat(runbook.shellBlocks(MarkdownRunbook.SectionKind.DIAGNOSIS)).singleElement()
                .satisfies(block -> assertThat(block.command()).contains("kubectl describe svc alertmanager-main\n"
                        + "kubectl get pod -o wide | grep alertmanager-main"));
    }

    @Test
    void aPromqlBlockIsCodeButNoCommand() {
        MarkdownRunbook runbook = MarkdownRunbookReader.read(RUNBOOKS.resolve(
                "alertmanager/AlertmanagerFailedToSendAlerts.md")).runbook().orElseThrow();

        List<MarkdownRunbook.Block> code = runbook.sections(MarkdownRunbook.SectionKind.DIAGNOSIS).getFirst()
                .blocks().stream().filter(MarkdownRunbook.Block::isCode).toList();
        assertThat(code).singleElement().satisfies(block -> {
            assertThat(block.language()).contains("promql");
            assertThat(block.command()).isEmpty();
        });
    }

    @Test
    void outputPastedWithoutPromptsIsAWarningAtTheBlock() {
        MarkdownRunbookReader.Reading reading = MarkdownRunbookReader.read(RUNBOOKS.resolve(
                "alertmanager/AlertmanagerClusterCrashlooping.md"));

        assertThat(reading.runbook()).isPresent();
        assertThat(reading.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.isError()).isFalse();
            assertThat(problem.location().toString()).endsWith("AlertmanagerClusterCrashlooping.md:18:1");
        });
    }

    @Test
    void sectionIndexPagesAreNotRunbooks() {
        for (String index : List.of("alertmanager/_index.md", "general/_index.md")) {
            MarkdownRunbookReader.Reading reading = MarkdownRunbookReader.read(RUNBOOKS.resolve(index));
            assertThat(reading.isRunbook()).isFalse();
            assertThat(reading.notARunbook()).contains("section index page");
            assertThat(reading.problems()).isEmpty();
        }
        assertThat(MarkdownRunbookReader.read(Path.of("runbooks/README.md"), "# Diagnosis\n").notARunbook())
                .contains("section index page");
    }

    @Test
    void theContributionGuideIsNotARunbookThoughItsTemplateShowsTheHeadings() {
        MarkdownRunbookReader.Reading reading = MarkdownRunbookReader.read(FIXTURES.resolve(
                "content/docs/add-runbook.md"));

        assertThat(reading.isRunbook()).isFalse();
        assertThat(reading.notARunbook().orElseThrow()).startsWith("no Meaning, Impact, Diagnosis or Mitigation");
    }

    @Test
    void theHugoArchetypeIsATemplateNotARunbook() {
        MarkdownRunbookReader.Reading reading = MarkdownRunbookReader.read(FIXTURES.resolve("archetypes/default.md"));

        assertThat(reading.notARunbook().orElseThrow()).startsWith("template");
    }

    @Test
    void theAlertComesFromTheFrontMatterWhenItNamesOne() {
        MarkdownRunbook runbook = MarkdownRunbookReader.read(Path.of("runbooks/disk.md"), """
                ---
                title: Disk filling up
                alertname: NodeFilesystemSpaceFillingUp
                ---
                ## Diagnosis
                ```bash
                df -h
                ```
                ## Mitigation
                Grow the volume.
                """).runbook().orElseThrow();

        assertThat(runbook.alert()).isEqualTo("NodeFilesystemSpaceFillingUp");
        assertThat(runbook.alertAt().line()).isEqualTo(3);
        assertThat(runbook.title()).isEqualTo("Disk filling up");
    }

    @Test
    void unterminatedFrontMatterIsAnErrorAtItsFirstLine() {
        MarkdownRunbookReader.Reading reading = MarkdownRunbookReader.read(Path.of("runbooks/Broken.md"), """
                ---
                title: Broken
                ## Diagnosis
                ```sh
                uptime
                ```
                ## Mitigation
                Restart it.
                """);

        assertThat(reading.isRunbook()).isTrue();
        assertThat(reading.runbook()).isEmpty();
        assertThat(reading.problems()).filteredOn(Problem::isError).singleElement().satisfies(problem -> {
            assertThat(problem.location().toString()).isEqualTo("runbooks/Broken.md:1:1");
            assertThat(problem.message()).contains("never closed");
        });
    }

    @Test
    void emptyMitigationAndBadFrontMatterYamlAreReportedTogetherWithTheirLines() {
        MarkdownRunbookReader.Reading reading = MarkdownRunbookReader.read(Path.of("runbooks/Broken.md"), """
                ---
                title: [unclosed
                ---
                # Broken
                ## Meaning
                Something.
                ## Impact
                Users wait.
                ## Diagnosis
                Look at the dashboard.
                ## Mitigation
                ## Links
                """);

        assertThat(reading.runbook()).isEmpty();
        assertThat(reading.problems()).filteredOn(Problem::isError).extracting(problem -> problem.location().line())
                .contains(11).anySatisfy(line -> assertThat(line).isBetween(2, 3));
        assertThat(reading.problems()).filteredOn(Problem::isError)
                .anySatisfy(problem -> assertThat(problem.message()).isEqualTo("the Mitigation section is empty"));
    }

    @Test
    void aMissingDiagnosisIsAnErrorAndAMissingMeaningAWarning() {
        MarkdownRunbookReader.Reading reading = MarkdownRunbookReader.read(Path.of("runbooks/Half.md"), """
                # Half
                ### mitigation:
                Roll back.
                """);

        assertThat(reading.problems()).extracting(Problem::message, Problem::isError).contains(
                org.assertj.core.groups.Tuple.tuple("no Diagnosis section", true),
                org.assertj.core.groups.Tuple.tuple("no Meaning section", false));
    }

    @Test
    void headingsInsideCodeBlocksAreCodeAndDeeperHeadingsStayInTheSection() {
        MarkdownRunbook runbook = MarkdownRunbookReader.read(Path.of("runbooks/Nested.md"), """
                # Nested
                ## Diagnosis
                ### Check the pods
                ```
                # Mitigation
                kubectl get pods
                ```
                ## Mitigation
                - Scale up:
                  ```console
                  $ kubectl scale deploy/api --replicas 4
                  deployment.apps/api scaled
                  ```
                """).runbook().orElseThrow();

        assertThat(runbook.sections(MarkdownRunbook.SectionKind.DIAGNOSIS).getFirst().blocks())
                .extracting(MarkdownRunbook.Block::text).containsExactly("Check the pods",
                        "# Mitigation\nkubectl get pods\n");
        assertThat(runbook.shellBlocks(MarkdownRunbook.SectionKind.MITIGATION)).singleElement()
                .satisfies(block -> {
                    assertThat(block.command()).contains("kubectl scale deploy/api --replicas 4");
                    assertThat(block.location().line()).isEqualTo(10);
                });
    }

    @Test
    void onlyTheTwoNearestFoldersMakeAnArchetype() {
        String runbook = "# DiskFull\n## Diagnosis\n```sh\ndf -h\n```\n## Mitigation\nGrow the volume.\n";

        assertThat(MarkdownRunbookReader.read(Path.of("archetypes/team/runbooks/DiskFull.md"), runbook).runbook())
                .isPresent();
        assertThat(MarkdownRunbookReader.read(Path.of("site/archetypes/runbook/page.md"), runbook).notARunbook())
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("template"));
        assertThat(MarkdownRunbookReader.read(Path.of("site/archetypes/runbook.md"), runbook).notARunbook())
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("template"));
    }
}

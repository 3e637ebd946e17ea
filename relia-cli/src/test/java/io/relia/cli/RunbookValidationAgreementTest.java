package io.relia.cli;

import io.relia.core.review.InputDiscovery;
import io.relia.core.review.InputKind;
import io.relia.core.spec.LoadResult;
import io.relia.core.spec.SpecDocument;
import io.relia.core.spec.SpecLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code relia validate} and {@code relia runbook validate} are one validation: over every runbook in the repository
 * (examples and test fixtures, valid and broken) they reach the same verdict with the same problems.
 */
class RunbookValidationAgreementTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern TOP_LEVEL_RUNBOOK_KEY = Pattern.compile("(?m)^(diagnosis_steps|mitigation_options):");
    private static final Pattern PROBLEM = Pattern.compile(".*: (error|warning|note): .*");

    /** Every YAML runbook of the repository: by its keys, or under a runbook folder unless it is another input. */
    static Stream<Path> runbookFixtures() throws IOException {
        List<Path> roots = List.of(ROOT.resolve("examples"), ROOT.resolve("relia-cli/src/test/resources"),
                ROOT.resolve("relia-incident/src/test/resources"), ROOT.resolve("relia-audit/src/test/resources"),
                ROOT.resolve("relia-core/src/test/resources"));
        List<Path> found = new java.util.ArrayList<>();
        for (Path root : roots.stream().filter(Files::isDirectory).toList()) {
            try (Stream<Path> files = Files.walk(root, 12)) {
                files.filter(Files::isRegularFile).filter(RunbookValidationAgreementTest::isYaml)
                        .filter(RunbookValidationAgreementTest::isRunbook).forEach(found::add);
            }
        }
        assertThat(found).as("runbook fixtures").hasSizeGreaterThan(25);
        return found.stream().sorted();
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** A runbook by its keys; a file under a runbook folder that does not parse; never a file of another kind. */
    private static boolean isRunbook(Path file) {
        LoadResult loaded = SpecLoader.load(file);
        if (loaded.file().isEmpty() || loaded.hasErrors()) {
            return file.toString().toLowerCase(Locale.ROOT).contains("runbook") || hasRunbookKey(file);
        }
        List<SpecDocument> documents = loaded.file().get().documents();
        return !documents.isEmpty() && documents.stream().allMatch(document ->
                InputDiscovery.kindOf(file.getFileName(), document.root()).equals(Optional.of(InputKind.RUNBOOK)));
    }

    private static boolean hasRunbookKey(Path file) {
        try {
            return TOP_LEVEL_RUNBOOK_KEY.matcher(Files.readString(file, StandardCharsets.UTF_8)).find();
        } catch (IOException unreadable) {
            return false;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runbookFixtures")
    void bothCommandsReachTheSameVerdictWithTheSameProblems(Path file) {
        assertAgree(file);
    }

    @Test
    void aRunbookCarryingApiVersionAndKindIsJudgedAsARunbook(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("high-cpu.yaml"), """
                apiVersion: relia.io/v1
                kind: Runbook
                name: High CPU
                diagnosis_steps:
                  - action: look
                    command: top -bn1
                """);
        CliRun validate = assertAgree(file);
        assertThat(validate.err()).contains("missing key \"mitigation_options\"");
    }

    @Test
    void twoRunbooksInOneFileAreRefusedByBoth(@TempDir Path dir) throws IOException {
        String runbook = """
                name: %s
                diagnosis_steps:
                  - action: look
                mitigation_options:
                  - name: scale
                    description: scale out
                    risk: low
                """;
        Path file = Files.writeString(dir.resolve("two.yaml"), runbook.formatted("A") + "---\n"
                + runbook.formatted("B"));
        CliRun validate = assertAgree(file);
        assertThat(validate.err()).contains(file + ":9:1: error: the file holds 2 runbooks; expected one runbook per "
                + "file (hint: split it into one file per runbook)");
    }

    @Test
    void aRunbookWithoutDiagnosisStepsIsStillARunbook(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("scale.yaml"), """
                name: Scale out
                mitigation_options:
                  - name: scale
                    description: scale out
                    risk: low
                """);
        CliRun validate = assertAgree(file);
        assertThat(validate.err()).contains("missing key \"diagnosis_steps\"");
    }

    private static CliRun assertAgree(Path file) {
        CliRun validate = CliRun.of("validate", file.toString());
        CliRun runbookValidate = CliRun.of("runbook", "validate", file.toString());
        assertThat(problems(validate)).as("problems of %s", file).isEqualTo(problems(runbookValidate));
        assertThat(validate.exitCode()).as("verdict on %s:%n%s", file, validate.err())
                .isEqualTo(runbookValidate.exitCode());
        return validate;
    }

    private static List<String> problems(CliRun run) {
        return run.err().lines().filter(line -> PROBLEM.matcher(line).matches()).sorted().toList();
    }
}

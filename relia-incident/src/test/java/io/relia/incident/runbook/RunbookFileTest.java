package io.relia.incident.runbook;

import io.relia.core.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading runbooks: the seed's shape, the richer outline, and located errors. */
class RunbookFileTest {

    static final Path EXAMPLE = Path.of("../examples/checkout-service/reliability/runbooks");
    static final Path RUNBOOKS = Path.of("src/test/resources/runbooks");

    @TempDir
    Path dir;

    private String lastProblems = "";

    private RunbookFile.Loaded load(String yaml) throws IOException {
        Path file = dir.resolve("book.yaml");
        Files.writeString(file, yaml);
        RunbookFile.Loaded loaded = RunbookFile.load(file);
        lastProblems = loaded.problems().toString();
        return loaded;
    }

    /** "line:column message" of each error, to assert where a mistake is reported. */
    private static List<String> errors(RunbookFile.Loaded loaded) {
        return loaded.problems().stream().filter(Problem::isError)
                .map(problem -> problem.location().line() + ":" + problem.location().column() + " "
                        + problem.message()).toList();
    }

    @Test
    void readsTheExampleCheckoutRunbookStepsInWalkingOrder() {
        RunbookFile.Loaded loaded = RunbookFile.load(EXAMPLE.resolve("checkout-errors.yaml"));

        assertThat(loaded.problems()).isEmpty();
        Runbook runbook = loaded.runbook().orElseThrow();
        assertThat(runbook.name()).isEqualTo("High Checkout Error Rate");
        assertThat(runbook.alerts()).containsExactly("CheckoutHighErrorRate");
        assertThat(runbook.steps()).extracting(RunbookStep::reference).containsExactly("diagnosis 1", "diagnosis 2",
                "diagnosis 3", "diagnosis 4", "mitigation 1", "mitigation 2", "mitigation 3");
        assertThat(runbook.steps(RunbookStep.Phase.MITIGATION)).extracting(RunbookStep::risk)
                .containsExactly(RunbookStep.Risk.MEDIUM, RunbookStep.Risk.LOW, RunbookStep.Risk.MEDIUM);
        assertThat(runbook.escalation()).contains(new Runbook.Escalation(Duration.ofMinutes(15), "payments-oncall"));
    }

    @Test
    void readsTheSeedsHighCpuRunbookWithMitigationOptionsAsSteps() {
        RunbookFile.Loaded loaded = RunbookFile.load(EXAMPLE.resolve("high-cpu-usage.yaml"));

        assertThat(loaded.problems()).isEmpty();
        Runbook runbook = loaded.runbook().orElseThrow();
        assertThat(runbook.stem()).isEqualTo("high-cpu-usage");
        assertThat(runbook.severity()).isEqualTo("SEV3");
        assertThat(runbook.trigger()).isEqualTo("cpu_usage > 85% for 5 minutes");
        assertThat(runbook.steps(RunbookStep.Phase.DIAGNOSIS)).extracting(RunbookStep::risk)
                .containsOnly(RunbookStep.Risk.LOW);
        assertThat(runbook.steps(RunbookStep.Phase.MITIGATION)).extracting(RunbookStep::title)
                .containsExactly("Scale horizontally", "Rollback recent deployment", "Enable rate limiting");
        assertThat(runbook.escalation()).contains(new Runbook.Escalation(Duration.ofMinutes(30),
                "senior-sre-oncall"));
    }

    @Test
    void readsTheRicherOutlineOfScopeDetectionImpactResolutionVerificationAndFollowUp() {
        RunbookFile.Loaded loaded = RunbookFile.load(RUNBOOKS.resolve("catalog/disk-full.yaml"));

        assertThat(loaded.problems()).isEmpty();
        Runbook runbook = loaded.runbook().orElseThrow();
        assertThat(runbook.service()).isEqualTo("orders");
        assertThat(runbook.owner()).isEqualTo("storage-team");
        assertThat(runbook.scope()).startsWith("data volumes");
        assertThat(runbook.detection()).hasSize(2);
        assertThat(runbook.impact()).containsExactly("orders cannot be written once the disk is full");
        assertThat(runbook.labels()).isEqualTo(Map.of("service", "orders", "alertname", "NodeDiskAlmostFull"));
        assertThat(runbook.steps()).extracting(step -> step.reference() + ":" + step.risk().label())
                .containsExactly("diagnosis 1:low", "diagnosis 2:low", "mitigation 1:high", "resolution 1:medium",
                        "resolution 2:medium", "verification 1:low", "verification 2:low");
        assertThat(runbook.steps().getFirst().timeout()).contains(Duration.ofSeconds(10));
        assertThat(runbook.steps().getFirst().expected()).isEqualTo("more than 10% free");
        assertThat(runbook.steps(RunbookStep.Phase.VERIFICATION).getFirst().command()).isEmpty();
        assertThat(runbook.followUp()).hasSize(2);
    }

    @Test
    void aMissingNameIsAnErrorAtTheTopOfTheFile() {
        RunbookFile.Loaded loaded = RunbookFile.load(RUNBOOKS.resolve("invalid/missing-name.yaml"));

        assertThat(loaded.runbook()).isEmpty();
        assertThat(errors(loaded)).singleElement().asString().startsWith("1:1 ").contains("name");
    }

    @Test
    void aRiskOtherThanLowMediumOrHighIsAnErrorAtTheValue() {
        RunbookFile.Loaded loaded = RunbookFile.load(RUNBOOKS.resolve("invalid/wrong-risk.yaml"));

        assertThat(loaded.runbook()).isEmpty();
        assertThat(errors(loaded)).singleElement().asString().startsWith("8:11 ");
    }

    @Test
    void aTimeoutOrEscalationThatIsNotADurationIsAnErrorAtTheValue() {
        RunbookFile.Loaded loaded = RunbookFile.load(RUNBOOKS.resolve("invalid/bad-duration.yaml"));

        assertThat(loaded.runbook()).isEmpty();
        assertThat(errors(loaded)).hasSize(2)
                .anySatisfy(error -> assertThat(error).startsWith("6:14 ").contains("soon"))
                .anySatisfy(error -> assertThat(error).startsWith("11:10 ").contains("half an hour"));
    }

    @Test
    void aDuplicateStepNumberIsAnErrorAtTheSecondStep() {
        RunbookFile.Loaded loaded = RunbookFile.load(RUNBOOKS.resolve("invalid/duplicate-steps.yaml"));

        assertThat(loaded.runbook()).isEmpty();
        assertThat(errors(loaded)).singleElement().asString().startsWith("7:11 ")
                .contains("two steps are number 2 in diagnosis_steps (the other at line 5)");
    }

    @Test
    void descendingStepNumbersAreAWarningAndTheFileOrderIsKept() throws IOException {
        RunbookFile.Loaded loaded = load("name: x\ndiagnosis_steps:\n  - {step: 2, action: a}\n"
                + "  - {step: 1, action: b}\nmitigation_options:\n  - {name: m, risk: low}\n");

        assertThat(loaded.runbook().orElseThrow(() -> new AssertionError(lastProblems)).steps())
                .extracting(RunbookStep::title).startsWith("a", "b");
        assertThat(loaded.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.isError()).isFalse();
            assertThat(problem.location().line()).isEqualTo(4);
            assertThat(problem.message()).contains("step 1 comes after step 2");
        });
    }

    @Test
    void anUnknownKeyIsAWarningWithASuggestion() throws IOException {
        RunbookFile.Loaded loaded = load("name: x\ndiagnosis_steps:\n  - {action: a, comand: ls}\n"
                + "mitigation_options:\n  - {name: m, risk: low}\n");

        assertThat(loaded.runbook()).isPresent();
        assertThat(loaded.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.isError()).isFalse();
            assertThat(problem.location().line()).isEqualTo(3);
            assertThat(problem.hint()).contains("command");
        });
    }

    @Test
    void aStepNumberBeyondIntRangeIsAnErrorNotACrash() throws IOException {
        RunbookFile.Loaded loaded = load("name: x\ndiagnosis_steps:\n  - {step: 99999999999, action: a}\n"
                + "mitigation_options:\n  - {name: m, risk: low}\n");

        assertThat(loaded.runbook()).isEmpty();
        assertThat(errors(loaded)).singleElement().asString().startsWith("3:12 ");
    }

    @Test
    void aBlankNameIsAnError() throws IOException {
        RunbookFile.Loaded loaded = load("name: '  '\ndiagnosis_steps:\n  - {action: a}\n"
                + "mitigation_options:\n  - {name: m, risk: low}\n");

        assertThat(loaded.runbook()).isEmpty();
        assertThat(errors(loaded)).singleElement().asString().startsWith("1:");
    }

    /**
     * Property: over random mixes of numbered and unnumbered steps, a step without a number follows the one before,
     * and the file is refused exactly when two steps end up with the same number; loading never throws.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233})
    void stepsWithoutANumberFollowTheOneBeforeAndDuplicatesAreRefused(long seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder yaml = new StringBuilder("name: x\ndiagnosis_steps:\n");
        List<Integer> expected = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        boolean duplicate = false;
        int previous = 0;
        for (int i = 0, count = 1 + random.nextInt(6); i < count; i++) {
            boolean numbered = random.nextBoolean();
            int number = numbered ? 1 + random.nextInt(6) : previous + 1;
            yaml.append("  - {").append(numbered ? "step: " + number + ", " : "").append("action: a").append(i)
                    .append("}\n");
            duplicate |= !seen.add(number);
            expected.add(number);
            previous = number;
        }
        yaml.append("mitigation_options:\n  - {name: m, risk: low}\n");

        RunbookFile.Loaded loaded = load(yaml.toString());

        assertThat(loaded.runbook().isEmpty()).as(yaml + "\n" + lastProblems).isEqualTo(duplicate);
        loaded.runbook().ifPresent(runbook -> assertThat(runbook.steps(RunbookStep.Phase.DIAGNOSIS))
                .extracting(RunbookStep::number).containsExactlyElementsOf(expected));
    }
}

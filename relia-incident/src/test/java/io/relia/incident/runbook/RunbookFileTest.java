package io.relia.incident.runbook;

import io.relia.core.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading runbooks: the seed's shape, the richer outline, and located errors. */
class RunbookFileTest {

    static final Path EXAMPLE = Path.of("../examples/checkout-service/reliability/runbooks");

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

    @Test
    void readsTheExampleRunbooksStepsInWalkingOrder() {
        RunbookFile.Loaded loaded = RunbookFile.load(EXAMPLE.resolve("checkout-errors.yaml"));

        assertThat(loaded.problems()).isEmpty();
        Runbook runbook = loaded.runbook().orElseThrow();
        assertThat(runbook.name()).isEqualTo("High Checkout Error Rate");
        assertThat(runbook.alerts()).containsExactly("CheckoutHighErrorRate");
        assertThat(runbook.steps()).extracting(RunbookStep::reference).startsWith("diagnosis 1", "diagnosis 2");
        assertThat(runbook.steps()).filteredOn(step -> step.phase() == RunbookStep.Phase.MITIGATION)
                .extracting(RunbookStep::risk).contains(RunbookStep.Risk.LOW, RunbookStep.Risk.MEDIUM);
        assertThat(runbook.escalation()).contains(new Runbook.Escalation(Duration.ofMinutes(15), "payments-oncall"));
    }

    @Test
    void readsTheRicherOutlineOfScopeDetectionImpactResolutionVerificationAndFollowUp() throws IOException {
        Runbook runbook = load("""
                name: Disk full
                scope: nodes of the orders database only
                detection: [NodeDiskAlmostFull alert, write errors in the orders logs]
                impact: orders cannot be written
                labels: {service: orders}
                diagnosis_steps:
                  - action: check free space
                    command: df -h /var/lib/postgresql
                    timeout: 10s
                mitigation_options:
                  - name: drop old WAL archives
                    command: rm -f /archive/old/*
                    risk: high
                resolution_steps:
                  - action: grow the volume
                verification:
                  - free space above 20%
                  - action: write a test order
                    command: ./smoke-order.sh
                follow_up: [postmortem within 48h]
                """).runbook().orElseThrow(() -> new AssertionError(lastProblems));

        assertThat(runbook.scope()).isEqualTo("nodes of the orders database only");
        assertThat(runbook.detection()).hasSize(2);
        assertThat(runbook.impact()).containsExactly("orders cannot be written");
        assertThat(runbook.labels()).isEqualTo(Map.of("service", "orders"));
        assertThat(runbook.steps()).extracting(step -> step.reference() + ":" + step.risk().label())
                .containsExactly("diagnosis 1:low", "mitigation 1:high", "resolution 1:medium", "verification 1:low",
                        "verification 2:low");
        assertThat(runbook.steps().getFirst().timeout()).contains(Duration.ofSeconds(10));
        assertThat(runbook.followUp()).containsExactly("postmortem within 48h");
    }

    @Test
    void reportsEveryMistakeWithItsLineAndColumn() throws IOException {
        RunbookFile.Loaded loaded = load("""
                trigger: x
                diagnosis_steps:
                  - step: 1
                    action: a
                  - step: 1
                    action: b
                mitigation_options:
                  - name: m
                    risk: extreme
                """);

        assertThat(loaded.runbook()).isEmpty();
        assertThat(loaded.problems()).filteredOn(Problem::isError).extracting(problem -> problem.location().line()
                + ":" + problem.location().column()).contains("1:1", "9:11");
    }

    @Test
    void aDuplicateStepNumberOrABadDurationIsAnError() throws IOException {
        RunbookFile.Loaded loaded = load("""
                name: x
                diagnosis_steps:
                  - {step: 1, action: a}
                  - {step: 1, action: b, timeout: soon}
                mitigation_options:
                  - {name: m, risk: low}
                escalation: {after: later, to: sre}
                """);

        assertThat(loaded.runbook()).isEmpty();
        assertThat(loaded.problems()).filteredOn(Problem::isError).extracting(Problem::format)
                .anySatisfy(text -> assertThat(text).contains(":4:").contains("numbered twice"))
                .anySatisfy(text -> assertThat(text).contains(":4:").contains("soon"))
                .anySatisfy(text -> assertThat(text).contains(":7:").contains("later"));
    }
}

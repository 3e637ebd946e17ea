package io.relia.incident.runbook;

import io.relia.core.process.ProcessTree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A runbook step that overruns its timeout is killed with every process it started, detached or not. */
class RunbookStepTimeoutTest {

    @TempDir
    Path dir;

    @BeforeEach
    void linux() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "Linux /proc");
    }

    @Test
    void aTimedOutStepLeavesNoProcessBehindNotEvenSetsidOrSubshellChildren() throws Exception {
        Path file = Files.writeString(dir.resolve("book.yaml"), """
                name: Book
                diagnosis_steps:
                  - action: detach and hang
                    command: "echo $%s; setsid sleep 300 & (sleep 300 &) ; sleep 300"
                    timeout: 2s
                mitigation_options:
                  - {name: m, risk: low}
                """.formatted(ProcessTree.MARKER));
        Runbook runbook = RunbookFile.load(file).runbook().orElseThrow();
        List<StepOutcome> outcomes = new ArrayList<>();

        new RunbookRun(false, true, Duration.ofSeconds(60), 0).walk(runbook,
                new RunbookRunTest.ScriptedConsole(false), outcomes::add);

        StepOutcome step = outcomes.getFirst();
        assertThat(step.status()).isEqualTo(StepOutcome.Status.TIMED_OUT);
        String id = step.output().lines().findFirst().orElseThrow();
        assertThat(ProcessTree.marked(id)).as("processes still holding %s=%s", ProcessTree.MARKER, id).isEmpty();
    }
}

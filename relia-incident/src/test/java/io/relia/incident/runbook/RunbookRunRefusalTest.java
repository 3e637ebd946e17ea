package io.relia.incident.runbook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A command that a terminal would show as another one is never run: not asked, not under --yes, not dry. */
class RunbookRunRefusalTest {

    /**
     * Shown raw, the line reads {@code $ df -h   (risk low)}: the carriage return and erase-line sequence wipe the
     * {@code touch}, and the shell takes what follows {@code #} as a comment.
     */
    private static final String SPOOF = """
            name: Disk
            diagnosis_steps:
              - action: Check the disk
                command: "touch marker #\\r\\e[2K      $ df -h"
            mitigation_options:
              - name: Still here
                command: echo fine
                risk: low
            """;

    @TempDir
    Path dir;

    private Runbook runbook(String text) throws Exception {
        Path file = dir.resolve("disk.yaml");
        Files.writeString(file, text);
        RunbookFile.Loaded loaded = RunbookFile.load(file);
        assertThat(loaded.runbook()).as(loaded.problems().toString()).isPresent();
        return loaded.runbook().orElseThrow();
    }

    private List<StepOutcome> walk(RunbookRun run, RunbookConsole console) throws Exception {
        List<StepOutcome> outcomes = new ArrayList<>();
        run.walk(runbook(SPOOF), console, outcomes::add);
        return outcomes;
    }

    @Test
    void refusesAHiddenCommandUnderYesWithTheFileLineAndStep() throws Exception {
        List<StepOutcome> outcomes = walk(new RunbookRun(false, true, Duration.ofSeconds(10), 0),
                new RunbookRunTest.ScriptedConsole(false));

        assertThat(outcomes).extracting(StepOutcome::status).containsExactly(StepOutcome.Status.REFUSED,
                StepOutcome.Status.EXECUTED);
        assertThat(outcomes.getFirst().output()).contains("diagnosis 1", dir.resolve("disk.yaml") + ":3:")
                .contains("(\\r at character 15)");
        assertThat(outcomes.getFirst().timelineText("Disk")).contains("$ touch marker #\\r\\e[2K      $ df -h → "
                + "refused: the command of diagnosis 1 at");
        assertThat(dir.resolve("marker")).doesNotExist();
    }

    @Test
    void refusesWithoutAskingEvenWhenTheResponderWouldSayYes() throws Exception {
        RunbookRunTest.ScriptedConsole console = new RunbookRunTest.ScriptedConsole(true,
                RunbookConsole.Answer.RUN, RunbookConsole.Answer.RUN);

        List<StepOutcome> outcomes = walk(new RunbookRun(false, false, Duration.ofSeconds(10), 0), console);

        assertThat(console.asked).containsExactly("mitigation 1");
        assertThat(outcomes.getFirst().status()).isEqualTo(StepOutcome.Status.REFUSED);
        assertThat(dir.resolve("marker")).doesNotExist();
    }

    @Test
    void aDryRunReportsTheRefusalToo() throws Exception {
        List<StepOutcome> outcomes = walk(new RunbookRun(true, false, Duration.ofSeconds(10), 0),
                new RunbookRunTest.ScriptedConsole(true));

        assertThat(outcomes).extracting(StepOutcome::status).containsExactly(StepOutcome.Status.REFUSED,
                StepOutcome.Status.DRY_RUN);
    }

    @Test
    void runsAScriptOfSeveralLinesWithTabs() throws Exception {
        Runbook script = runbook("""
                name: Script
                diagnosis_steps:
                  - action: Two lines
                    command: "if true; then\\n\\techo one\\nfi\\necho two"
                mitigation_options: [{name: Nothing, risk: low}]
                """);
        List<StepOutcome> outcomes = new ArrayList<>();

        new RunbookRun(false, true, Duration.ofSeconds(10), 0).walk(script, new RunbookRunTest.ScriptedConsole(false),
                outcomes::add);

        assertThat(outcomes.getFirst().status()).isEqualTo(StepOutcome.Status.EXECUTED);
        assertThat(outcomes.getFirst().output()).isEqualTo("one\ntwo");
    }
}

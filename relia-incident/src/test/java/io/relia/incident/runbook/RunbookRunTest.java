package io.relia.incident.runbook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Walking a runbook: confirmation, --yes, dry runs, timeouts and what is recorded. */
class RunbookRunTest {

    @TempDir
    Path dir;

    /** A console answering from a script, remembering what it was asked. */
    static class ScriptedConsole implements RunbookConsole {
        final Deque<Answer> answers;
        final boolean interactive;
        final List<String> asked = new ArrayList<>();

        ScriptedConsole(boolean interactive, Answer... answers) {
            this.interactive = interactive;
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public void show(RunbookStep step) {
        }

        @Override
        public boolean interactive() {
            return interactive;
        }

        @Override
        public Answer ask(RunbookStep step) {
            asked.add(step.reference());
            return answers.isEmpty() ? Answer.QUIT : answers.removeFirst();
        }

        @Override
        public void done(StepOutcome outcome) {
        }
    }

    private Runbook runbook(String steps) throws Exception {
        Path file = dir.resolve("book.yaml");
        Files.writeString(file, "name: Book\n" + steps);
        return RunbookFile.load(file).runbook().orElseThrow();
    }

    private static final String STEPS = """
            diagnosis_steps:
              - action: say hello
                command: echo hello; echo oops >&2; exit 3
              - action: look at the dashboard
            mitigation_options:
              - name: touch the marker
                command: touch marker
                risk: medium
            """;

    private List<StepOutcome> walk(RunbookRun run, Runbook runbook, RunbookConsole console) throws Exception {
        List<StepOutcome> outcomes = new ArrayList<>();
        run.walk(runbook, console, outcomes::add);
        return outcomes;
    }

    @Test
    void aDryRunExecutesNothingAndAsksNothing() throws Exception {
        ScriptedConsole console = new ScriptedConsole(true);

        List<StepOutcome> outcomes = walk(new RunbookRun(true, true, Duration.ofSeconds(10), 1), runbook(STEPS),
                console);

        assertThat(outcomes).extracting(StepOutcome::status).containsExactly(StepOutcome.Status.DRY_RUN,
                StepOutcome.Status.MANUAL, StepOutcome.Status.DRY_RUN);
        assertThat(console.asked).isEmpty();
        assertThat(dir.resolve("marker")).doesNotExist();
        assertThat(outcomes.getLast().timelineText("Book")).endsWith("touch marker → dry run");
    }

    @Test
    void runsOnlyWhatTheResponderConfirmsAndRecordsExitCodeAndOutput() throws Exception {
        ScriptedConsole console = new ScriptedConsole(true, RunbookConsole.Answer.RUN, RunbookConsole.Answer.SKIP);

        List<StepOutcome> outcomes = walk(new RunbookRun(false, false, Duration.ofSeconds(10), 7), runbook(STEPS),
                console);

        assertThat(console.asked).containsExactly("diagnosis 1", "mitigation 1");
        assertThat(outcomes.getFirst().status()).isEqualTo(StepOutcome.Status.EXECUTED);
        assertThat(outcomes.getFirst().exitCode()).contains(3);
        assertThat(outcomes.getFirst().output()).isEqualTo("hello\noops");
        assertThat(outcomes.getFirst().timelineText("Book")).startsWith("runbook \"Book\" diagnosis 1 (say hello): "
                + "$ echo hello; echo oops >&2; exit 3 → exit 3 in ").endsWith("hello\noops");
        assertThat(outcomes.get(2).status()).isEqualTo(StepOutcome.Status.DECLINED);
        assertThat(dir.resolve("marker")).doesNotExist();
    }

    @Test
    void yesRunsLowRiskCommandsAndStillAsksForRiskyOnes() throws Exception {
        ScriptedConsole console = new ScriptedConsole(true, RunbookConsole.Answer.RUN);

        List<StepOutcome> outcomes = walk(new RunbookRun(false, true, Duration.ofSeconds(10), 0), runbook(STEPS),
                console);

        assertThat(console.asked).containsExactly("mitigation 1");
        assertThat(outcomes).extracting(StepOutcome::status).containsExactly(StepOutcome.Status.EXECUTED,
                StepOutcome.Status.MANUAL, StepOutcome.Status.EXECUTED);
        assertThat(dir.resolve("marker")).exists();
    }

    @Test
    void withoutSomeoneToAskRiskyStepsAreSkippedNotRun() throws Exception {
        List<StepOutcome> outcomes = walk(new RunbookRun(false, true, Duration.ofSeconds(10), 0), runbook(STEPS),
                new ScriptedConsole(false));

        assertThat(outcomes.get(2).status()).isEqualTo(StepOutcome.Status.SKIPPED);
        assertThat(outcomes.get(2).output()).isEqualTo("needs confirmation (risk medium)");
        assertThat(dir.resolve("marker")).doesNotExist();
    }

    @Test
    void aCommandOverrunningItsTimeoutIsKilled() throws Exception {
        Runbook runbook = runbook("diagnosis_steps:\n  - {action: hang, command: 'sleep 30', timeout: 1s}\n"
                + "mitigation_options:\n  - {name: m, risk: low}\n");

        List<StepOutcome> outcomes = walk(new RunbookRun(false, true, Duration.ofSeconds(60), 0), runbook,
                new ScriptedConsole(false));

        assertThat(outcomes.getFirst().status()).isEqualTo(StepOutcome.Status.TIMED_OUT);
        assertThat(outcomes.getFirst().took()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(25));
    }

    @Test
    void quittingStopsTheWalk() throws Exception {
        List<StepOutcome> outcomes = new ArrayList<>();
        RunbookRun.Summary summary = new RunbookRun(false, false, Duration.ofSeconds(10), 0).walk(runbook(STEPS),
                new ScriptedConsole(true, RunbookConsole.Answer.QUIT), outcomes::add);

        assertThat(outcomes).extracting(StepOutcome::status).containsExactly(StepOutcome.Status.QUIT);
        assertThat(summary.quit()).isTrue();
    }

    @Test
    void theSummaryCountsEachOutcome() throws Exception {
        RunbookRun.Summary summary = new RunbookRun(false, false, Duration.ofSeconds(10), 0).walk(runbook(STEPS),
                new ScriptedConsole(true, RunbookConsole.Answer.RUN, RunbookConsole.Answer.SKIP), outcome -> { });

        assertThat(summary.quit()).isFalse();
        assertThat(summary.counts()).containsExactlyInAnyOrderEntriesOf(Map.of(StepOutcome.Status.EXECUTED, 1,
                StepOutcome.Status.MANUAL, 1, StepOutcome.Status.DECLINED, 1));
    }

    @Test
    void eachOutcomeIsRecordedBeforeTheNextStepIsAsked() throws Exception {
        List<StepOutcome> outcomes = new ArrayList<>();
        RunbookConsole crashing = new ScriptedConsole(true, RunbookConsole.Answer.RUN) {
            @Override
            public Answer ask(RunbookStep step) {
                if (step.phase() == RunbookStep.Phase.MITIGATION) {
                    throw new IllegalStateException("terminal gone");
                }
                return super.ask(step);
            }
        };

        assertThatThrownBy(() -> new RunbookRun(false, false, Duration.ofSeconds(10), 0).walk(runbook(STEPS),
                crashing, outcomes::add)).hasMessage("terminal gone");
        assertThat(outcomes).extracting(StepOutcome::status).containsExactly(StepOutcome.Status.EXECUTED,
                StepOutcome.Status.MANUAL);
    }

    @Test
    void commandsRunInTheGivenDirectoryWhenOneIsSet() throws Exception {
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Runbook runbook = runbook("diagnosis_steps:\n  - {action: where, command: pwd}\n"
                + "mitigation_options:\n  - {name: m, risk: low}\n");

        List<StepOutcome> outcomes = walk(new RunbookRun(false, true, Duration.ofSeconds(10), 0).in(elsewhere),
                runbook, new ScriptedConsole(false));

        assertThat(outcomes.getFirst().output()).isEqualTo(elsewhere.toRealPath().toString());
    }

    @Test
    void aCommandThatCannotStartIsRecordedNotThrown() throws Exception {
        Runbook runbook = runbook("diagnosis_steps:\n  - {action: where, command: pwd}\n"
                + "mitigation_options:\n  - {name: m, risk: low}\n");

        List<StepOutcome> outcomes = walk(new RunbookRun(false, true, Duration.ofSeconds(10), 0)
                .in(dir.resolve("missing")), runbook, new ScriptedConsole(false));

        assertThat(outcomes.getFirst().status()).isEqualTo(StepOutcome.Status.FAILED_TO_START);
        assertThat(outcomes.getFirst().timelineText("Book")).contains("failed to start");
    }

    @Test
    void longOutputIsRecordedByItsEndWithTheCutMarked() throws Exception {
        Runbook runbook = runbook("diagnosis_steps:\n  - {action: count, command: 'seq 1 3000'}\n"
                + "mitigation_options:\n  - {name: m, risk: low}\n");

        List<StepOutcome> outcomes = walk(new RunbookRun(false, true, Duration.ofSeconds(10), 0), runbook,
                new ScriptedConsole(false));

        assertThat(outcomes.getFirst().exitCode()).contains(0);
        assertThat(outcomes.getFirst().output()).startsWith("… (").contains("characters cut)").endsWith("\n3000");
    }

    @Test
    void commandsSeeTheIncidentAndRunInTheRunbooksDirectory() throws Exception {
        Runbook runbook = runbook("diagnosis_steps:\n  - {action: env, command: 'echo $RELIA_INCIDENT_ID "
                + "$RELIA_RUNBOOK; pwd'}\nmitigation_options:\n  - {name: m, risk: low}\n");

        List<StepOutcome> outcomes = walk(new RunbookRun(false, true, Duration.ofSeconds(10), 42), runbook,
                new ScriptedConsole(false));

        assertThat(outcomes.getFirst().output()).isEqualTo("42 book\n" + dir.toRealPath());
    }

    @Test
    void longOutputKeepsItsEnd() {
        String trimmed = StepOutcome.trim("x".repeat(5000) + "END");

        assertThat(trimmed).startsWith("… (3003 characters cut)\n").endsWith("END");
        assertThat(trimmed.length()).isLessThan(StepOutcome.MAX_OUTPUT_CHARS + 40);
    }
}

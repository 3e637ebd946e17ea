package io.relia.chaos.run;

import io.relia.chaos.experiment.Activity;
import io.relia.chaos.experiment.ConditionParser;
import io.relia.chaos.experiment.Provider;
import io.relia.chaos.experiment.Strategies;
import io.relia.chaos.experiment.Tolerance;
import io.relia.core.report.ReportFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static io.relia.chaos.run.TestExperiments.HERE;
import static io.relia.chaos.run.TestExperiments.experiment;
import static io.relia.chaos.run.TestExperiments.fault;
import static io.relia.chaos.run.TestExperiments.healthProbe;
import static io.relia.chaos.run.TestExperiments.post;
import static io.relia.chaos.run.TestExperiments.sh;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExperimentRunnerTest {

    private static final RunOptions FAST = RunOptions.DEFAULTS.withProbeInterval(Duration.ofMillis(100));

    private TargetServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = new TargetServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private Activity heal() {
        return Activity.action("heal", post(server.uri("/heal")), HERE);
    }

    @Test
    void aPassingRunChecksTheSteadyStateAroundTheMethodAndStillRollsBack() {
        Journal journal = new ExperimentRunner(experiment(List.of(healthProbe(server)),
                List.of(Activity.action("touch", post(server.uri("/touch")), HERE)), List.of(heal())), FAST,
                RunListener.NONE).run();

        assertThat(journal.status()).isEqualTo(Journal.Status.COMPLETED);
        assertThat(journal.deviated()).isFalse();
        assertThat(journal.before().orElseThrow().met()).isTrue();
        assertThat(journal.after().orElseThrow().met()).isTrue();
        assertThat(server.calls()).containsExactly("POST /touch", "POST /heal");
        assertThat(journal.rollbacks()).singleElement().satisfies(run -> assertThat(run.succeeded()).isTrue());
    }

    @Test
    void aSteadyStateThatBreaksDuringTheMethodMarksTheRunDeviated() {
        Journal journal = new ExperimentRunner(experiment(List.of(healthProbe(server)),
                List.of(Activity.action("break", post(server.uri("/break")), HERE)), List.of(heal())), FAST,
                RunListener.NONE).run();

        assertThat(journal.status()).isEqualTo(Journal.Status.COMPLETED);
        assertThat(journal.deviated()).isTrue();
        assertThat(journal.after().orElseThrow().probes().getFirst().toleranceMet()).contains(false);
        assertThat(server.calls()).endsWith("POST /heal");
    }

    @Test
    void aSteadyStateNotMetBeforeTheMethodSkipsTheMethodButNotTheRollbacks() {
        server.breakNow();

        Journal journal = new ExperimentRunner(experiment(List.of(healthProbe(server)),
                List.of(Activity.action("touch", post(server.uri("/touch")), HERE)), List.of(heal())), FAST,
                RunListener.NONE).run();

        assertThat(journal.before().orElseThrow().met()).isFalse();
        assertThat(journal.run()).isEmpty();
        assertThat(journal.after()).isEmpty();
        assertThat(journal.status()).isEqualTo(Journal.Status.COMPLETED);
        assertThat(server.calls()).containsExactly("POST /heal");
        assertThat(ExperimentReport.verdict(journal)).startsWith("Not run");
    }

    @Test
    void aFailedActionStopsTheMethodAndTheRollbacksStillRun() {
        Activity missingProgram = Activity.action("run missing program",
                new Provider.Process("/nonexistent/relia-test-program", List.of(), Duration.ofSeconds(5)), HERE);
        Journal journal = new ExperimentRunner(experiment(List.of(), List.of(missingProgram,
                Activity.action("never", post(server.uri("/never")), HERE)), List.of(heal())), FAST,
                RunListener.NONE).run();

        assertThat(journal.status()).isEqualTo(Journal.Status.FAILED);
        assertThat(journal.run()).singleElement().satisfies(run -> {
            assertThat(run.succeeded()).isFalse();
            assertThat(run.exception().orElseThrow()).contains("cannot start /nonexistent/relia-test-program");
        });
        assertThat(server.calls()).containsExactly("POST /heal");
    }

    @Test
    void anExceptionInsideAnActionIsRecordedAndTheRollbacksStillRun() {
        Provider.Http badHeader = new Provider.Http(server.uri("/x"), "POST", Map.of("bad header", "x"),
                Optional.empty(), Duration.ofSeconds(1), Duration.ofSeconds(1), true, 0);
        Journal journal = new ExperimentRunner(experiment(List.of(), List.of(Activity.action("bad", badHeader, HERE)),
                List.of(heal())), FAST, RunListener.NONE).run();

        assertThat(journal.status()).isEqualTo(Journal.Status.FAILED);
        assertThat(journal.run().getFirst().exception().orElseThrow()).contains("IllegalArgumentException");
        assertThat(server.calls()).containsExactly("POST /heal");
    }

    @Test
    void anAbortCriterionThatHoldsEndsTheFaultEarlyAndRollsItBack() {
        Activity breakForAMinute = fault("break", post(server.uri("/break")), Duration.ofSeconds(60));
        var experiment = experiment(List.of(), List.of(breakForAMinute, Activity.action("after", post(server.uri(
                        "/after-fault")), HERE)), List.of(heal()),
                List.of(ConditionParser.parse("error_rate > 50%").orThrow()),
                Optional.of(TestExperiments.traffic(server)), Strategies.DEFAULT);
        long started = System.nanoTime();

        Journal journal = new ExperimentRunner(experiment, FAST, RunListener.NONE).run();

        assertThat(journal.status()).isEqualTo(Journal.Status.ABORTED);
        assertThat(journal.abortReason()).startsWith("abort criterion error_rate > 50% held");
        assertThat(server.calls()).containsExactly("POST /break", "POST /heal");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
        assertThat(journal.faultWindows()).singleElement().extracting(Journal.Window::name).isEqualTo("break");
        assertThat(journal.samples()).isNotEmpty();
    }

    @Test
    void interruptingMidFaultRollsBackAndWritesTheJournal(@TempDir Path dir) throws Exception {
        Path journalFile = dir.resolve("journal.json");
        var experiment = experiment(List.of(healthProbe(server)), List.of(fault("break", post(server.uri("/break")),
                Duration.ofSeconds(60))), List.of(heal()));
        ExperimentRunner runner = new ExperimentRunner(experiment, FAST.withJournal(journalFile), RunListener.NONE);
        // its own thread, as the CLI runs it: not the common pool, which the HTTP client may need
        FutureTask<Journal> run = new FutureTask<>(runner::run);
        Thread.ofPlatform().name("experiment").start(run);
        assertThat(server.broken.await(20, TimeUnit.SECONDS)).isTrue();

        assertThat(runner.interrupt()).isTrue();

        Journal journal = run.get(20, TimeUnit.SECONDS);
        assertThat(journal.status()).isEqualTo(Journal.Status.INTERRUPTED);
        assertThat(server.calls()).containsExactly("POST /break", "POST /heal");
        assertThat(Files.readString(journalFile)).contains("\"status\" : \"interrupted\"");
        assertThat(dir.toFile().list()).containsExactly("journal.json");
    }

    @Test
    void theUndoLogKillsAndResumesProcessesNoRollbackHandled() throws Exception {
        Activity start = Activity.action("start sleeper", new Provider.ProcessControl(Provider.Signal.START,
                "sleeper", List.of("sleep", "30")), HERE);
        Activity pause = Activity.action("pause sleeper", new Provider.ProcessControl(Provider.Signal.PAUSE,
                "sleeper", List.of()), HERE);

        Journal journal = new ExperimentRunner(experiment(List.of(), List.of(start, pause), List.of()), FAST,
                RunListener.NONE).run();

        long pid = ((Number) ((Map<?, ?>) journal.run().getFirst().output()).get("pid")).longValue();
        assertThat(journal.undone()).containsExactly("resume process sleeper", "kill process sleeper");
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void aProcessThatIsStoppedByTheMethodLeavesNothingToUndo() {
        Journal journal = new ExperimentRunner(experiment(List.of(), List.of(
                Activity.action("start", new Provider.ProcessControl(Provider.Signal.START, "s",
                        List.of("sleep", "30")), HERE),
                Activity.action("stop", new Provider.ProcessControl(Provider.Signal.STOP, "s", List.of()), HERE)),
                List.of()), FAST, RunListener.NONE).run();

        assertThat(journal.run()).allSatisfy(run -> assertThat(run.succeeded()).isTrue());
        assertThat(journal.undone()).isEmpty();
    }

    @Test
    void processProbesReportExitCodeAndTrimmedOutput() {
        Activity probe = Activity.probe("echo", sh("echo '  ready  '; echo oops >&2; exit 3"),
                new Tolerance.Regex(Pattern.compile("^ready$"), Optional.empty()), HERE);

        Journal journal = new ExperimentRunner(experiment(List.of(probe), List.of(), List.of()), FAST,
                RunListener.NONE).run();

        Journal.ActivityRun run = journal.before().orElseThrow().probes().getFirst();
        assertThat(run.output()).isEqualTo(Map.of("status", 3, "stdout", "ready", "stderr", "oops"));
        assertThat(run.toleranceMet()).contains(true);
    }

    @Test
    void aProcessOverItsTimeoutIsKilledAndTheProbeFails() {
        Activity slow = Activity.probe("slow", new Provider.Process("sleep", List.of("30"), Duration.ofMillis(200)),
                new Tolerance.Equals(0L), HERE);

        Journal journal = new ExperimentRunner(experiment(List.of(slow), List.of(), List.of()), FAST,
                RunListener.NONE).run();

        assertThat(journal.before().orElseThrow().probes().getFirst().exception().orElseThrow())
                .contains("did not finish within 200 ms");
        assertThat(journal.status()).isEqualTo(Journal.Status.FAILED);
    }

    @Test
    void aBackgroundActivityRunsAlongsideTheNextOnes(@TempDir Path dir) {
        Path signal = dir.resolve("signal");
        // The background activity waits for a file that only the activity after it creates: run one after the
        // other, it would time out.
        Activity waiter = new Activity(Activity.Kind.ACTION, "wait for signal", new Provider.Process("sh",
                List.of("-c", "while [ ! -f '" + signal + "' ]; do sleep 0.05; done"), Duration.ofSeconds(20)),
                Optional.empty(), Duration.ZERO, Duration.ZERO, true, false, HERE);
        Activity signaller = Activity.action("signal", new Provider.Process("touch", List.of(signal.toString()),
                Duration.ofSeconds(10)), HERE);

        Journal journal = new ExperimentRunner(experiment(List.of(), List.of(waiter, signaller), List.of()), FAST,
                RunListener.NONE).run();

        assertThat(journal.run()).extracting(Journal.ActivityRun::name)
                .containsExactlyInAnyOrder("wait for signal", "signal");
        assertThat(journal.run()).allSatisfy(run -> assertThat(run.succeeded()).isTrue());
        assertThat(journal.status()).isEqualTo(Journal.Status.COMPLETED);
    }

    @Test
    void theTrafficSourceMeasuresLatencyAndErrorsOfTheTarget() throws Exception {
        try (TrafficSource source = TrafficSource.start(TestExperiments.traffic(server))) {
            Thread.sleep(1_200);
            TrafficSource.Snapshot healthy = source.snapshot();
            assertThat(healthy.requests()).isPositive();
            assertThat(healthy.errorRate()).isZero();
            assertThat(healthy.p99()).isPositive();
            server.breakNow();
            Thread.sleep(1_200);
            assertThat(source.snapshot().errorRate()).isGreaterThan(0.5);
        }
    }

    @Test
    void theJournalAndReportsShowTheVerdictAndTheTimeline(@TempDir Path dir) throws IOException {
        Journal journal = new ExperimentRunner(experiment(List.of(healthProbe(server)), List.of(
                fault("touch", post(server.uri("/touch")), Duration.ofMillis(1500))), List.of(heal()), List.of(),
                Optional.of(TestExperiments.traffic(server)), Strategies.DEFAULT), FAST, RunListener.NONE).run();
        Path file = dir.resolve("out/journal.json");

        JournalWriter.write(journal, file);
        StringWriter markdown = new StringWriter();
        ExperimentReport.write(journal, ReportFormat.MARKDOWN, markdown);
        StringWriter html = new StringWriter();
        ExperimentReport.write(journal, ReportFormat.HTML, html);

        String json = Files.readString(file);
        assertThat(json).contains("\"relia-version\"", "\"steady_states\"", "\"tolerance_met\" : true",
                "\"rollbacks\"").doesNotContain("chaoslib-version");
        assertThat(markdown.toString()).contains("Passed: the steady state held.", "heal");
        assertThat(html.toString()).contains("<svg", "fault: touch");
    }

    @Test
    void aDryRunPlanListsWhatWouldHappenInOrder() {
        List<String> plan = Plan.describe(experiment(List.of(healthProbe(server)),
                List.of(fault("break", post(server.uri("/break")), Duration.ofMinutes(10))), List.of(heal())));

        assertThat(plan).anySatisfy(line -> assertThat(line).contains("action \"break\"").contains("hold for 10m"));
        assertThat(plan).anySatisfy(line -> assertThat(line).contains("then undo any proxy or process change"));
        assertThat(server.calls()).isEmpty();
    }

    @Test
    void aContinuousHypothesisIsCheckedDuringTheFaultAndItsMissesDeviate() {
        var experiment = experiment(List.of(healthProbe(server)), List.of(fault("break", post(server.uri("/break")),
                Duration.ofMillis(1500))), List.of(heal()), List.of(), Optional.empty(),
                new Strategies(Strategies.Hypothesis.CONTINUOUSLY, Duration.ofMillis(300), Strategies.Rollbacks.ALWAYS));

        Journal journal = new ExperimentRunner(experiment, FAST, RunListener.NONE).run();

        assertThat(journal.during()).isNotEmpty().allSatisfy(check -> {
            assertThat(check.phase()).isEqualTo("during");
            assertThat(check.met()).isFalse();
        });
        assertThat(journal.deviated()).isTrue();
        assertThat(journal.before().orElseThrow().met()).isTrue();
    }

    @Test
    void theNeverStrategySkipsRollbacksButTheSafetyNetStillUndoes() {
        var experiment = experiment(List.of(), List.of(Activity.action("start", new Provider.ProcessControl(
                        Provider.Signal.START, "s", List.of("sleep", "30")), HERE)), List.of(heal()), List.of(),
                Optional.empty(), new Strategies(Strategies.Hypothesis.DEFAULT, Duration.ofSeconds(1),
                        Strategies.Rollbacks.NEVER));

        Journal journal = new ExperimentRunner(experiment, FAST, RunListener.NONE).run();

        assertThat(journal.rollbacks()).isEmpty();
        assertThat(server.calls()).isEmpty();
        assertThat(journal.undone()).containsExactly("kill process s");
    }

    @Test
    void trafficMetricsWithoutATrafficSourceAreRefusedBeforeRunning() {
        Activity probe = Activity.probe("p99", new Provider.Metric("p99_latency"), new Tolerance.Meets(
                ConditionParser.parse("p99_latency < 500ms").orThrow()), HERE);

        assertThat(Plan.problems(experiment(List.of(probe), List.of(), List.of())))
                .singleElement().asString().contains("declares no traffic source");
    }
}

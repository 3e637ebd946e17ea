package io.relia.chaos.run;

import io.relia.chaos.experiment.Activity;
import io.relia.chaos.experiment.Condition;
import io.relia.chaos.experiment.Experiment;
import io.relia.chaos.experiment.Strategies;
import io.relia.core.InputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs an experiment in Chaos Toolkit's order: steady state before, method (abort criteria checked every probe
 * interval while faults are held), steady state after, then rollbacks, which run however the run ends (success,
 * failure, abort, exception, {@link #interrupt()}); changes no rollback undid are undone from the undo log. Never
 * prints: progress goes to a {@link RunListener}, the result is a {@link Journal}. One run per instance.
 */
public final class ExperimentRunner {

    private static final Duration INTERRUPT_GRACE = Duration.ofSeconds(10);

    private final Experiment experiment;
    private final RunOptions options;
    private final RunListener listener;
    private final UndoLog undo = new UndoLog();
    private final CountDownLatch done = new CountDownLatch(1);
    private final Object lock = new Object();
    private Thread runner;
    private boolean started;
    private boolean rollingBack;
    private volatile boolean interruptRequested;
    private RunRecord record;
    private ActivityExecutor executor;
    private Optional<TrafficSource> traffic = Optional.empty();
    /** The run's thread was interrupted; its flag is set again once rollbacks and the journal are done. */
    private boolean interruptedRun;
    private boolean inMethod;

    public ExperimentRunner(Experiment experiment, RunOptions options, RunListener listener) {
        this.experiment = experiment;
        this.options = options;
        this.listener = listener;
    }

    /** Stops because an abort criterion held. */
    private static final class Aborted extends Exception {
        private static final long serialVersionUID = 1L;

        Aborted(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Stops because an action failed. */
    private static final class ActionFailed extends Exception {
        private static final long serialVersionUID = 1L;

        ActionFailed(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * Runs the experiment on the calling thread and returns its journal (also written to the journal path when
     * one is set). Checks its {@link Targets} first, creating the proxies it declares. Throws
     * {@link InputException} when the experiment is not runnable and {@link TargetsUnavailable} when a target is
     * missing or unreachable, both before anything runs and without a journal.
     * Call it on a thread of its own (the CLI's main thread), not on a {@code ForkJoinPool.commonPool()} worker:
     * on a 2-core machine the common pool has one worker, and the JDK HTTP client may need it.
     */
    public Journal run() {
        List<io.relia.core.Problem> problems = Plan.problems(experiment);
        if (problems.stream().anyMatch(io.relia.core.Problem::isError)) {
            throw new InputException(problems);
        }
        Targets.Report targets;
        try {
            targets = Targets.check(experiment, Targets.Mode.PREPARE);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            throw new TargetsUnavailable(new Targets.Report(List.of()));
        }
        listener.targets(targets);
        if (!targets.ok()) {
            throw new TargetsUnavailable(targets);
        }
        synchronized (lock) {
            if (started) {
                throw new IllegalStateException("an ExperimentRunner runs once");
            }
            started = true;
            runner = Thread.currentThread();
        }
        record = new RunRecord();
        try {
            traffic = experiment.traffic().map(TrafficSource::start);
            executor = new ActivityExecutor(experiment, traffic, undo);
            execute();
            finish();
            Journal journal = record.toJournal(experiment);
            options.journal().ifPresent(path -> write(journal, path));
            return journal;
        } finally {
            if (executor != null) {
                executor.close();
            }
            traffic.ifPresent(TrafficSource::close);
            done.countDown();
            if (interruptedRun) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Stops a run from another thread (a shutdown hook on SIGTERM or Ctrl-C): the method stops, rollbacks run
     * (bounded by the rollback timeout), the journal is written with status {@code interrupted}. Waits for that;
     * returns whether the run finished in time.
     */
    public boolean interrupt() {
        interruptRequested = true;
        synchronized (lock) {
            if (!started) {
                return true;
            }
            if (!rollingBack && runner != null) {
                runner.interrupt();
            }
        }
        try {
            return done.await(options.rollbackTimeout().plus(INTERRUPT_GRACE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException waiting) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void execute() {
        ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
        List<Future<?>> pending = new ArrayList<>();
        Instant faultStart = null;
        String faultName = "";
        try {
            checkInterrupt();
            Strategies.Hypothesis strategy = experiment.strategies().hypothesis();
            warmUp();
            if (traffic.isPresent()) {
                ProxyUse.unused(experiment, executor).forEach(listener::warning);
            }
            if (strategy.before() && !experiment.hypothesis().isEmpty()) {
                listener.phase("steady-state before");
                Journal.SteadyState before = steadyState("before");
                record.before = Optional.of(before);
                if (!before.met()) {
                    boolean errored = before.probes().stream().anyMatch(probe -> !probe.succeeded());
                    record.status = errored ? Journal.Status.FAILED : Journal.Status.COMPLETED;
                    record.abortReason = "the steady state did not hold before the method, so nothing was injected: "
                            + Checks.why(before);
                    return;
                }
            }
            listener.phase("method");
            inMethod = true;
            for (Activity activity : experiment.method()) {
                hold(activity.pauseBefore());
                checkInterrupt();
                if (activity.background()) {
                    pending.add(background.submit(() -> {
                        try {
                            add(executor.execute(activity));
                        } catch (InterruptedException stopped) {
                            Thread.currentThread().interrupt();
                        }
                    }));
                    continue;
                }
                Journal.ActivityRun result = executor.execute(activity);
                add(result);
                if (!result.succeeded() && activity.kind() == Activity.Kind.ACTION) {
                    throw new ActionFailed("action \"" + activity.name() + "\" failed: "
                            + result.exception().orElse(""));
                }
                if (activity.fault()) {
                    faultStart = result.start();
                    faultName = activity.name();
                }
                hold(activity.pauseAfter());
                if (activity.fault()) {
                    verify();
                    record.faultWindows.add(new Journal.Window(faultName, faultStart, Instant.now()));
                    faultStart = null;
                }
            }
            for (Future<?> future : pending) {
                // Background activities carry their own timeouts; this bound only guards against a stuck one.
                try {
                    future.get(options.rollbackTimeout().toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException stuck) {
                    future.cancel(true);
                    throw new ActionFailed("a background activity did not finish within "
                            + options.rollbackTimeout().toSeconds() + " s");
                }
            }
            inMethod = false;
            if (traffic.isPresent()) {
                hold(traffic.get().window());
            }
            if (strategy.after() && !experiment.hypothesis().isEmpty()) {
                listener.phase("steady-state after");
                Journal.SteadyState after = steadyState("after");
                record.after = Optional.of(after);
                deviated(after, "the steady state did not hold after the method: ");
            }
        } catch (InterruptedException stopped) {
            // The flag is restored when the run ends (run()), not here: the rollbacks must not be interrupted.
            interruptedRun = true;
            record.status = Journal.Status.INTERRUPTED;
            record.abortReason = "interrupted";
            listener.stopping("interrupted");
        } catch (Aborted aborted) {
            record.status = Journal.Status.ABORTED;
            record.abortReason = aborted.getMessage();
            listener.stopping(aborted.getMessage());
        } catch (ActionFailed failed) {
            record.status = Journal.Status.FAILED;
            record.abortReason = failed.getMessage();
            listener.stopping(failed.getMessage());
        } catch (ExecutionException | RuntimeException bug) {
            record.status = Journal.Status.ABORTED;
            record.abortReason = "unexpected error: " + bug;
            listener.stopping(record.abortReason);
        } finally {
            inMethod = false;
            if (faultStart != null) {
                record.faultWindows.add(new Journal.Window(faultName, faultStart, Instant.now()));
            }
            background.shutdownNow();
        }
    }

    /**
     * Sends traffic for two windows before the first measurement, which then sees only the second: the first
     * requests to a cold JVM, a cold proxy and new connections are not the service's steady state. Also waits
     * (bounded) for the first answers, which a cold start can delay past a short window.
     */
    private void warmUp() throws InterruptedException, Aborted {
        if (traffic.isEmpty()) {
            return;
        }
        hold(traffic.get().window());
        hold(traffic.get().window());
        long deadline = System.nanoTime() + Math.max(TimeUnit.SECONDS.toNanos(5),
                2 * experiment.traffic().orElseThrow().timeout().toNanos());
        while (traffic.get().snapshot().requests() == 0 && System.nanoTime() < deadline) {
            hold(options.probeInterval());
        }
    }

    private void checkInterrupt() throws InterruptedException {
        if (interruptRequested || Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("interrupted");
        }
    }

    /** Rollbacks per strategy, then the undo log's safety net; never interrupted, bounded by the rollback timeout. */
    private void finish() {
        synchronized (lock) {
            rollingBack = true;
        }
        boolean wasInterrupted = Thread.interrupted();
        if (wasInterrupted || interruptRequested) {
            record.status = Journal.Status.INTERRUPTED;
        }
        Rollbacks.run(experiment, executor, undo, record, listener, options.rollbackTimeout());
        sample();
    }

    private Journal.SteadyState steadyState(String phase) throws InterruptedException {
        return Checks.run(phase, experiment.hypothesis(), executor, listener, false);
    }

    /** Native verifications at the end of a fault window; a check that could not measure does not deviate. */
    private void verify() throws InterruptedException {
        if (!experiment.verification().isEmpty()) {
            Journal.SteadyState check = Checks.run("verification", experiment.verification(), executor, listener,
                    true);
            record.during.add(check);
            deviated(check, "a verification did not hold at the end of a fault: ");
        }
    }

    /** Waits, sampling traffic, checking abort criteria and (when asked) the hypothesis every probe interval. */
    private void hold(Duration duration) throws InterruptedException, Aborted {
        long end = System.nanoTime() + duration.toNanos();
        long interval = options.probeInterval().toNanos();
        long nextCheck = System.nanoTime() + experiment.strategies().frequency().toNanos();
        for (long remaining = end - System.nanoTime(); remaining > 0; remaining = end - System.nanoTime()) {
            TimeUnit.NANOSECONDS.sleep(Math.min(remaining, interval));
            checkInterrupt();
            sample();
            if (inMethod) {
                checkAbort();
                if (experiment.strategies().hypothesis().during() && System.nanoTime() >= nextCheck
                        && !experiment.hypothesis().isEmpty()) {
                    Journal.SteadyState during = steadyState("during");
                    record.during.add(during);
                    deviated(during, "the steady state did not hold during the method: ");
                    nextCheck += experiment.strategies().frequency().toNanos();
                }
            }
        }
    }

    /** Marks the run deviated when a check did not hold; the first such check gives the journal's reason. */
    private void deviated(Journal.SteadyState check, String what) {
        if (!check.met()) {
            record.deviated = true;
            if (record.abortReason.isEmpty()) {
                record.abortReason = what + Checks.why(check);
            }
        }
    }

    private void checkAbort() throws InterruptedException, Aborted {
        for (Condition condition : experiment.abortWhen()) {
            try {
                ActivityExecutor.Measured measured = executor.measure(condition.metric());
                if (condition.holds(measured.value())) {
                    throw new Aborted("abort criterion " + condition.format() + " held: measured " + measured.text());
                }
            } catch (ActivityFailure notMeasured) {
                // no measurement in this window (no traffic yet): nothing to judge
            }
        }
    }

    private void sample() {
        traffic.ifPresent(source -> {
            TrafficSource.Snapshot snapshot = source.snapshot();
            Journal.Sample sample = new Journal.Sample(Instant.now(), snapshot.p99(), snapshot.errorRate(),
                    snapshot.throughput());
            record.samples.add(sample);
            listener.sample(sample);
        });
    }

    private void add(Journal.ActivityRun result) {
        record.run.add(result);
        listener.activity(result);
    }

    private static void write(Journal journal, java.nio.file.Path path) {
        try {
            JournalWriter.write(journal, path);
        } catch (IOException failed) {
            throw new UncheckedIOException("cannot write the journal to " + path, failed);
        }
    }
}

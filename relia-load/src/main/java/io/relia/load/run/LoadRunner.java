package io.relia.load.run;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import io.relia.core.net.NetworkErrors;
import io.relia.load.scenario.LoadProfile;
import io.relia.load.scenario.RequestEncoder;
import io.relia.load.scenario.Scenario;
import io.relia.load.threshold.Threshold;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Runs a scenario: opens the connections, sends on the profile's schedule, collects statistics every interval,
 * evaluates thresholds over a sliding window and over the whole run. Latency is measured from each request's
 * intended send time (coordinated omission corrected, as wrk2 and HdrHistogram define it) and from its actual send
 * time. Memory stays constant: nothing is kept per request.
 */
public final class LoadRunner {
    private static final long COLLECT_TIMEOUT_SECONDS = 10;

    private final Scenario scenario;
    private final LoadOptions options;
    private final LoadListener listener;
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private volatile boolean stopRequested;

    public LoadRunner(Scenario scenario, LoadOptions options, LoadListener listener) {
        this.scenario = scenario;
        this.options = options;
        this.listener = listener;
    }

    /** Asks a running {@link #run()} to stop soon (Ctrl-C); it then returns what it measured so far. */
    public void interrupt() {
        stopRequested = true;
    }

    /**
     * Runs the scenario to its end (or until a threshold aborts it, or {@link #interrupt()}).
     *
     * @throws TargetUnreachableException when not one connection can be opened before the start
     */
    public LoadResult run() {
        RunPlan plan = RunPlan.of(scenario, options);
        int threads = Math.min(options.threads(), scenario.connections());
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads,
                new DefaultThreadFactory("relia-load", true), Transport.ioHandlers());
        try {
            SslContext ssl = sslContext();
            RequestEncoder encoder = RequestEncoder.of(scenario);
            List<Worker> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                workers.add(new Worker(group.next(), i, threads, plan,
                        ScenarioRequests.of(scenario, encoder, i, threads), ssl));
            }
            connectAll(workers, plan);
            return collect(plan, workers);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    private SslContext sslContext() {
        if (!scenario.target().https()) {
            return null;
        }
        try {
            SslContextBuilder builder = SslContextBuilder.forClient();
            if (scenario.target().insecure()) {
                // For a test target with a self-signed certificate, and only when the scenario asks for it.
                // relia:ignore java/tls-verification-disabled -- only with the scenario's insecure: true, like curl -k
                builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
            }
            return builder.build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private void connectAll(List<Worker> workers, RunPlan plan) {
        int up = 0;
        for (Worker worker : workers) {
            Future<Integer> ready = worker.connect();
            if (ready.awaitUninterruptibly(plan.connectTimeoutMillis() + 1000L, TimeUnit.MILLISECONDS)
                    && ready.isSuccess()) {
                up += ready.getNow();
            }
        }
        if (up == 0) {
            Throwable cause = workers.stream().map(Worker::lastConnectFailure).filter(t -> t != null)
                    .findFirst().orElse(null);
            throw new TargetUnreachableException("cannot connect to " + scenario.target() + ": "
                    + (cause == null ? "no connection within the connect timeout (" + plan.connectTimeoutMillis()
                    + " ms)" : NetworkErrors.reason(cause)), cause);
        }
    }

    /**
     * Hands each interval to the listener and adds up the total. The total counts the requests intended after the
     * warm-up ({@link RunPlan#measuredFromNanos()}), whenever they were answered; each interval's own statistics, for
     * the timeline and the progress line, count everything recorded in it, warm-up requests answered late included.
     */
    private LoadResult collect(RunPlan plan, List<Worker> workers) {
        long intervalNanos = options.interval().toNanos();
        long measuredFrom = plan.measuredFromNanos();
        int windowSize = (int) Math.max(1, options.window().toNanos() / intervalNanos);
        Instant started = Instant.now();
        long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        CountDownLatch finished = new CountDownLatch(workers.size());
        for (Worker worker : workers) {
            worker.start(t0).addListener(f -> finished.countDown());
        }
        LoadStats total = new LoadStats(plan.templates());
        ArrayDeque<LoadStats> window = new ArrayDeque<>();
        List<TimelinePoint> timeline = new ArrayList<>();
        Optional<Threshold.Verdict> abortedBy = Optional.empty();
        boolean stoppedFromOutside = false;
        long previousEnd = 0;
        long dueBefore = 0;
        // Arrivals intended before the measured span belong to the warm-up, as the workers count them.
        long measuredDueBefore = plan.schedule() == null ? 0 : plan.schedule().dueCount(measuredFrom - 1);
        for (int k = 0; ; k++) {
            long boundary = t0 + (k + 1) * intervalNanos;
            boolean allDone = awaitUntil(finished, boundary);
            if (!allDone && stopRequested && !stoppedFromOutside) {
                stoppedFromOutside = true;
                workers.forEach(Worker::abort);
                allDone = awaitQuietly(finished);
            }
            long end = Math.min(System.nanoTime() - t0, (k + 1) * intervalNanos);
            LoadStats measured = new LoadStats(plan.templates());
            LoadStats stats = new LoadStats(plan.templates());
            long backlog = 0;
            int connections = 0;
            for (Worker worker : workers) {
                Worker.Snapshot snapshot = take(worker);
                measured.add(snapshot.stats());
                stats.add(snapshot.stats());
                stats.add(snapshot.warmup());
                backlog += snapshot.backlog();
                connections += snapshot.connections();
            }
            boolean warmup = previousEnd < measuredFrom;
            stats.span(previousEnd, Math.max(end, previousEnd));
            if (!warmup) {
                // A warm-up interval's few measured requests (sent as it ended) add counts to the total, not time.
                measured.span(previousEnd, Math.max(end, previousEnd));
            }
            if (plan.schedule() != null) {
                // The last interval takes every arrival left: all of them were due by the time the workers ended.
                long dueNow = allDone && !stoppedFromOutside && abortedBy.isEmpty()
                        ? plan.schedule().totalArrivals() : plan.schedule().dueCount(end);
                stats.recordIntended(dueNow - dueBefore);
                dueBefore = dueNow;
                if (!warmup) {
                    measured.recordIntended(dueNow - measuredDueBefore);
                    measuredDueBefore = dueNow;
                }
            }
            previousEnd = stats.endNanos();
            timeline.add(TimelinePoint.of(stats, warmup));
            total.add(measured);
            List<Threshold.Verdict> failing = List.of();
            if (!warmup) {
                window.addLast(measured);
                if (window.size() > windowSize) {
                    window.removeFirst();
                }
                if (window.size() == windowSize && !allDone) {
                    failing = failingOver(window, plan.templates());
                }
            }
            listener.interval(new IntervalReport(k, stats, total, warmup, backlog, connections, failing));
            if (allDone) {
                break;
            }
            if (!failing.isEmpty() && options.abortOnFail() && abortedBy.isEmpty()) {
                abortedBy = Optional.of(failing.getFirst());
                workers.forEach(Worker::abort);
                awaitQuietly(finished);
            }
        }
        List<Threshold.Verdict> verdicts = new ArrayList<>();
        for (Threshold threshold : scenario.thresholds()) {
            verdicts.add(threshold.evaluate(total));
        }
        LoadResult result = new LoadResult(scenario, options.withThreads(workers.size()), Transport.name(), started,
                total, timeline, verdicts, abortedBy, stoppedFromOutside);
        listener.finished(result);
        return result;
    }

    private List<Threshold.Verdict> failingOver(ArrayDeque<LoadStats> window, int templates) {
        LoadStats merged = new LoadStats(templates);
        window.forEach(merged::add);
        List<Threshold.Verdict> failing = new ArrayList<>();
        for (Threshold threshold : scenario.thresholds()) {
            Threshold.Verdict verdict = threshold.evaluate(merged);
            if (!verdict.pass()) {
                failing.add(verdict);
            }
        }
        return failing;
    }

    private boolean awaitUntil(CountDownLatch finished, long deadline) {
        while (true) {
            long wait = deadline - System.nanoTime();
            if (wait <= 0) {
                return finished.getCount() == 0;
            }
            if (stopRequested) {
                return false;
            }
            try {
                if (finished.await(Math.min(wait, POLL_NANOS), TimeUnit.NANOSECONDS)) {
                    return true;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopRequested = true;
            }
        }
    }

    private static boolean awaitQuietly(CountDownLatch finished) {
        try {
            return finished.await(COLLECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return finished.getCount() == 0;
        }
    }

    private static Worker.Snapshot take(Worker worker) {
        try {
            return worker.loop().submit(worker::takeInterval).get(COLLECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while collecting statistics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("a load worker did not hand over its statistics", e);
        }
    }

    /** Whether the scenario is an open model (latency corrected for coordinated omission). */
    public static boolean isOpenModel(Scenario scenario) {
        return !(scenario.profile() instanceof LoadProfile.Closed);
    }
}

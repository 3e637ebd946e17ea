package io.relia.cli;

import io.relia.core.InputException;
import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.report.ReportFormat;
import io.relia.core.report.ReportWriter;
import io.relia.load.report.IntervalLog;
import io.relia.load.report.LoadReport;
import io.relia.load.report.ProgressLine;
import io.relia.load.run.IntervalReport;
import io.relia.load.run.LoadListener;
import io.relia.load.run.LoadOptions;
import io.relia.load.run.LoadResult;
import io.relia.load.run.LoadRunner;
import io.relia.load.run.TargetUnreachableException;
import io.relia.load.scenario.LoadProfile;
import io.relia.load.scenario.Scenario;
import io.relia.load.threshold.Threshold;
import io.relia.load.threshold.Thresholds;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code relia load run}: one load run with honest latency. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {"Send HTTP/1.1 load at a set arrival rate and report its latency.", "",
            "Requests arrive at a constant or ramping rate (open model) or with a fixed concurrency (--closed);",
            "latency is measured from each request's intended send time (coordinated omission corrected) beside",
            "latency from its actual send time.", "",
            "Examples:",
            "  relia load run http://127.0.0.1:8080/health --rate 500 --duration 30s --threshold 'p99<100ms'",
            "  relia load run reliability/load/browse.yaml --out load-results",
            "  relia load run http://127.0.0.1:8080/ --closed -c 50 --duration 10s", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  the run completed and every threshold held",
            "  1  a threshold failed (or aborted the run with --abort-on-fail)",
            "  2  usage error or invalid scenario", "  3  the target could not be reached at all"})
final class LoadRunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private LoadTargetOptions target;

    @Option(names = {"-r", "--rate"}, paramLabel = "REQ/S",
            description = "Constant arrival rate in requests per second (open model).")
    private Double rate;

    @Option(names = "--duration", paramLabel = "DURATION",
            description = "How long to run, warm-up included (e.g. 30s, 5m).")
    private String duration;

    @Option(names = "--closed", description = "Closed model: each connection sends its next request when the "
            + "previous answer arrives (maximum throughput, as wrk measures it; latency cannot be corrected).")
    private boolean closed;

    @Option(names = "--threshold", paramLabel = "EXPR",
            description = "Pass/fail criterion, e.g. 'p99<300ms', 'errors<0.5%%', 'rate>=990'; repeatable or "
                    + "comma-separated.")
    private List<String> thresholds = new ArrayList<>();

    @Option(names = "--abort-on-fail", description = "Stop as soon as a threshold fails over the sliding window.")
    private boolean abortOnFail;

    @Option(names = "--window", paramLabel = "DURATION", defaultValue = "10s",
            description = "Sliding window thresholds are checked over during the run (default: ${DEFAULT-VALUE}).")
    private String window;

    @Option(names = "--out", paramLabel = "DIR", description = "Write summary.json, report.html and the "
            + "HdrHistogram interval log latency.hlog into DIR.")
    private Path out;

    @Option(names = "--progress", negatable = true, description = "Show the live progress line (default: on a "
            + "terminal).")
    private Boolean progress;

    @Mixin
    private ReportOutput output;

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        ReportFormat format = output.format(cl);
        Scenario scenario = target.scenario(profile(), parsedThresholds());
        LoadOptions options = LoadOptions.defaults().withThreads(target.threads)
                .withWindow(LoadTargetOptions.duration("--window", window, Duration.ofSeconds(10)))
                .withAbortOnFail(abortOnFail);
        if (options.window().compareTo(options.interval()) < 0) {
            throw LoadTargetOptions.usage("--window must be at least 1s");
        }
        PrintWriter err = cl.getErr();
        target.warnings.forEach(w -> err.println(w.format()));
        IntervalLog log = out == null ? null : openLog(scenario);
        List<LoadListener> listeners = new ArrayList<>();
        if (progress == null ? Terminal.isInteractive() : progress) {
            listeners.add(new ProgressListener(err));
        }
        if (log != null) {
            listeners.add(log);
        }
        target.warmUp(scenario, err);
        LoadRunner runner = new LoadRunner(scenario, options, fanOut(listeners));
        CountDownLatch written = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            runner.interrupt();
            try {
                written.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "relia-load-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            LoadResult result;
            try {
                result = runner.run();
            } catch (TargetUnreachableException e) {
                throw new ExternalFailure(e.getMessage(), e);
            } finally {
                if (log != null) {
                    log.close();
                }
            }
            if (out != null) {
                ReportOutput.writeAtomically(out.resolve("summary.json"), w ->
                        ReportWriter.forFormat(ReportFormat.JSON, false).write(LoadReport.of(result), w));
                ReportOutput.writeAtomically(out.resolve("report.html"), w ->
                        ReportWriter.forFormat(ReportFormat.HTML, false).write(LoadReport.of(result), w));
                err.println("wrote " + out.resolve("summary.json") + ", " + out.resolve("report.html") + ", "
                        + out.resolve("latency.hlog"));
            }
            output.write(LoadReport.of(result), cl);
            return result.passed() && !result.interrupted() ? 0 : 1;
        } finally {
            written.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running and waits for the files written above
            }
        }
    }

    private IntervalLog openLog(Scenario scenario) {
        try {
            Files.createDirectories(out);
            IntervalLog log = new IntervalLog(out.resolve("latency.hlog"));
            log.start(System.currentTimeMillis(), scenario.name() + " against " + scenario.target());
            return log;
        } catch (IOException e) {
            throw new InputException(Problem.error(Location.wholeFile(out), "cannot write into the output "
                    + "directory: " + e.getMessage(), "a writable directory", ""));
        }
    }

    private Optional<LoadProfile> profile() {
        Duration d = duration == null ? null : LoadTargetOptions.duration("--duration", duration, null);
        if (d != null && d.isZero()) {
            throw LoadTargetOptions.usage("--duration must be positive");
        }
        if (closed) {
            if (rate != null) {
                throw LoadTargetOptions.usage("--closed sends as fast as answers come: it takes no --rate");
            }
            if (d == null) {
                throw LoadTargetOptions.usage("--closed needs --duration");
            }
            return Optional.of(new LoadProfile.Closed(d, Duration.ZERO));
        }
        if (rate == null && d == null) {
            return Optional.empty();
        }
        if (rate == null || d == null) {
            throw LoadTargetOptions.usage(rate == null ? "--duration needs --rate (or --closed)"
                    : "--rate needs --duration");
        }
        if (!(rate > 0) || rate.isInfinite()) {
            throw LoadTargetOptions.usage("--rate must be a positive number of requests per second");
        }
        return Optional.of(new LoadProfile.Constant(rate, d));
    }

    private List<Threshold> parsedThresholds() {
        List<Threshold> all = new ArrayList<>();
        for (String text : thresholds) {
            all.addAll(Thresholds.parse(text, new Location("--threshold", 0, 0)));
        }
        return all;
    }

    static LoadListener fanOut(List<LoadListener> listeners) {
        return new LoadListener() {
            @Override
            public void interval(IntervalReport report) {
                listeners.forEach(l -> l.interval(report));
            }

            @Override
            public void finished(LoadResult result) {
                listeners.forEach(l -> l.finished(result));
            }
        };
    }

    /** Rewrites one status line on the terminal each interval, and ends it when the run ends. */
    static final class ProgressListener implements LoadListener {
        private final PrintWriter err;

        ProgressListener(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void interval(IntervalReport report) {
            err.print("\r\033[K" + ProgressLine.format(report));
            err.flush();
        }

        @Override
        public void finished(LoadResult result) {
            err.println();
            err.flush();
        }
    }
}

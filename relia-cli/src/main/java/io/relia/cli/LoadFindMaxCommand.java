package io.relia.cli;

import io.relia.core.Location;
import io.relia.load.run.LoadOptions;
import io.relia.load.run.TargetUnreachableException;
import io.relia.load.scenario.LoadProfile;
import io.relia.load.scenario.Scenario;
import io.relia.load.search.SearchOptions;
import io.relia.load.search.SearchReport;
import io.relia.load.search.SearchResult;
import io.relia.load.search.StepResult;
import io.relia.load.search.ThroughputSearch;
import io.relia.load.threshold.Threshold;
import io.relia.load.threshold.Thresholds;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code relia load find-max}: the highest arrival rate that still meets an SLO. */
@Command(name = "find-max",
        mixinStandardHelpOptions = true,
        description = {"Find the highest arrival rate the target sustains while meeting an SLO.", "",
            "Double the rate until a step fails, bisect between the last pass and the first failure, then repeat",
            "the knee to check that it holds. Prints the knee, the first failing rate and why, and a",
            "throughput/latency chart.", "",
            "Example:",
            "  relia load find-max http://127.0.0.1:8080/ --slo 'p99<200ms,errors<0.1%%' --max-rate 20000 "
                + "--format json --output find-max.json", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  a knee was found", "  1  no rate met the SLO (or the knee did not hold)",
            "  2  usage error or invalid scenario", "  3  the target could not be reached at all"})
final class LoadFindMaxCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private LoadTargetOptions target;

    @Option(names = "--slo", required = true, paramLabel = "THRESHOLDS",
            description = "What a rate must meet, e.g. 'p99<200ms,errors<0.1%%'.")
    private String slo;

    @Option(names = "--start-rate", paramLabel = "REQ/S", defaultValue = "100",
            description = "First rate tried (default: ${DEFAULT-VALUE}).")
    private double startRate;

    @Option(names = "--max-rate", paramLabel = "REQ/S", defaultValue = "100000",
            description = "Highest rate tried (default: ${DEFAULT-VALUE}).")
    private double maxRate;

    @Option(names = "--step-duration", paramLabel = "DURATION", defaultValue = "30s",
            description = "Length of each step (default: ${DEFAULT-VALUE}).")
    private String stepDuration;

    @Option(names = "--step-warmup", paramLabel = "DURATION",
            description = "Start of each step left out of its verdict (default: a sixth of the step, at most 5s).")
    private String stepWarmup;

    @Option(names = "--precision", paramLabel = "RATIO", defaultValue = "0.05",
            description = "Stop when the last pass and first failure are this close (default: ${DEFAULT-VALUE}).")
    private double precision;

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = "30",
            description = "Most steps run (default: ${DEFAULT-VALUE}).")
    private int maxSteps;

    @Mixin
    private ReportOutput output;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        output.format(cl);
        List<Threshold> thresholds = Thresholds.parse(slo, new Location("--slo", 0, 0));
        Duration step = LoadTargetOptions.duration("--step-duration", stepDuration, Duration.ofSeconds(30));
        Duration warm = stepWarmup != null ? LoadTargetOptions.duration("--step-warmup", stepWarmup, Duration.ZERO)
                : step.dividedBy(6).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : step.dividedBy(6);
        SearchOptions options;
        try {
            options = new SearchOptions(startRate, maxRate, step, warm, precision, maxSteps, 0.95);
        } catch (IllegalArgumentException e) {
            throw LoadTargetOptions.usage(e.getMessage());
        }
        Scenario scenario = target.scenario(Optional.of(new LoadProfile.Constant(startRate, step)), List.of());
        PrintWriter err = cl.getErr();
        target.warmUp(scenario, err);
        ThroughputSearch search = new ThroughputSearch(scenario, thresholds, slo, options,
                LoadOptions.defaults().withThreads(target.threads), s -> progress(err, s));
        Thread hook = new Thread(search::interrupt, "relia-find-max-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        SearchResult result;
        try {
            result = search.run();
        } catch (TargetUnreachableException e) {
            throw new ExternalFailure(e.getMessage(), e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // interrupted: the result so far is still printed
            }
        }
        output.write(SearchReport.of(result, scenario, options), cl);
        return result.knee().isPresent() ? 0 : 1;
    }

    private static void progress(PrintWriter err, StepResult s) {
        err.println(String.format(Locale.ROOT, "%-8s %,10.0f req/s  p99 %9.1fms  errors %7.3f%%  %s", s.phase(),
                s.rate(), s.p99(), s.errorRatio() * 100, s.pass() ? "pass" : "FAIL " + s.reason()));
        err.flush();
    }
}

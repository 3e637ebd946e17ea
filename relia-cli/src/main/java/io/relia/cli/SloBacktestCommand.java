package io.relia.cli;

import io.relia.core.ExitCode;
import io.relia.core.report.ReportFormat;
import io.relia.slo.Slo;
import io.relia.slo.backtest.BacktestResult;
import io.relia.slo.backtest.Backtester;
import io.relia.slo.backtest.ParallelBacktest;
import io.relia.slo.backtest.KnownIncidents;
import io.relia.slo.query.QueryEngine;
import io.relia.slo.query.QueryException;
import io.relia.slo.query.TimeGrid;
import io.relia.slo.status.StatusEvaluator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code relia slo backtest}: how each SLO's alerts would have behaved over recorded or live history. */
@Command(name = "backtest",
        mixinStandardHelpOptions = true,
        description = {"Replay each SLO's alert conditions over history and judge them against incidents.", "",
            "Compares Relia's multi-window multi-burn-rate page and ticket alerts, the same thresholds on single",
            "windows, the spec's own burn_rate_alerts, and a naive 'error ratio above the budget for 5m' alert:",
            "firing intervals, detection delay per incident, likely-noise pages and unpaged 2%%-of-budget hours.",
            "Incidents are the periods where the 5m burn rate exceeded the page factor, or --incidents FILE.",
            "HTML adds a timeline per SLO (SLI, burn rates, firing intervals).", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  backtest reported", "  2  usage error, invalid spec, data or incidents file, or bad PromQL",
            "  3  Prometheus unreachable or failing"})
final class SloBacktestCommand implements Callable<Integer> {

    /** Beyond this many evaluations per SLO a backtest is a mistake (a year at 1m is 525,600). */
    private static final int MAX_STEPS = 2_000_000;

    @Spec
    private CommandSpec spec;

    @Mixin
    private SloSource source;

    @Option(names = "--from", paramLabel = "TIME", description = "Start: " + Times.FORMS
            + " (default: the first recorded sample with --data, else now-7d).")
    private String from;

    @Option(names = "--to", paramLabel = "TIME", description = "End (default: the last recorded sample, else now).")
    private String to;

    @Option(names = "--step", paramLabel = "DURATION", defaultValue = "1m",
            description = "Evaluation interval, as Prometheus' rule evaluation (default: ${DEFAULT-VALUE}).")
    private String step;

    @Option(names = "--incidents", paramLabel = "FILE",
            description = "Known incidents (YAML: incidents: [{name, start, end}]) instead of detected ones.")
    private Path incidentsFile;

    @Mixin
    private ReportOutput output;

    @Override
    public Integer call() throws InterruptedException {
        CommandLine commandLine = spec.commandLine();
        ReportFormat format = output.format(commandLine);
        Duration period = source.period(commandLine);
        Duration interval = SloSource.step(step, commandLine);
        List<Slo> slos = source.slos(commandLine);
        List<Backtester.KnownIncident> known = incidentsFile == null ? List.of()
                : KnownIncidents.read(incidentsFile);
        QueryEngine engine = source.engine(commandLine);
        List<StatusEvaluator.Target> targets = source.targets(slos, commandLine);
        Instant now = source.now();
        Instant end = to == null ? now : Times.parse("--to", to, now, commandLine);
        Instant start = from == null ? source.first().orElse(end.minus(Duration.ofDays(7)))
                : Times.parse("--from", from, now, commandLine);
        if (!start.isBefore(end)) {
            throw new CommandLine.ParameterException(commandLine, "--from " + start + " is not before --to " + end);
        }
        TimeGrid grid = new TimeGrid(start, end, interval);
        if ((end.toEpochMilli() - start.toEpochMilli()) / interval.toMillis() + 1 > MAX_STEPS) {
            throw new CommandLine.ParameterException(commandLine, "the range needs more than " + MAX_STEPS
                    + " evaluations; use a longer --step or a shorter range");
        }
        int threads = source.offline() ? Runtime.getRuntime().availableProcessors() : source.maxInFlight;
        List<BacktestResult> results;
        try {
            results = ParallelBacktest.run(engine, period, targets, grid, known, threads);
        } catch (QueryException failed) {
            throw SloSource.failure(failed, targets);
        }
        output.write(BacktestReport.of(results, engine.describe(), format == ReportFormat.HTML), commandLine);
        return ExitCode.OK;
    }
}

package io.relia.cli;

import io.relia.core.InputException;
import io.relia.core.Problem;
import io.relia.core.report.TerminalText;
import io.relia.core.value.Durations;
import io.relia.core.value.Parsed;
import io.relia.core.value.Ratio;
import io.relia.load.capacity.CapacityAnalysis;
import io.relia.load.capacity.CapacityConfig;
import io.relia.load.capacity.CapacityConfigReader;
import io.relia.load.capacity.CapacityPlanner;
import io.relia.load.capacity.CapacityReport;
import io.relia.load.capacity.CapacityValues;
import io.relia.load.capacity.Forecasting;
import io.relia.load.capacity.UsageCsv;
import io.relia.load.capacity.forecast.TimeSeries;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code relia capacity forecast}: forecast, runway, headroom and recommendation per resource. */
@Command(name = "forecast",
        mixinStandardHelpOptions = true,
        description = {"Forecast usage and work out runway, headroom and the instances to add.", "",
            "History comes from a CSV file (timestamp,value), from a capacity plan (--config reliability/capacity.yaml,",
            "one or more resources) or from Prometheus (--prometheus URL --query Q). The model is chosen by backtest",
            "on the history itself; the report lists every candidate's MASE and sMAPE. Runway is the first time the",
            "forecast's upper bound exceeds usable capacity (capacity x target utilisation). Flags override the plan.",
            ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  a report was produced", "  1  --fail-on-runway and some runway is shorter than the horizon",
            "  2  usage error or invalid input (plan, CSV, flags)", "  3  an external system failed (Prometheus "
                + "unreachable, report not writable)", "", "Docs: docs/capacity.md"})
final class CapacityForecastCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DATA.csv",
            description = "Usage history: CSV with header timestamp,value (ISO-8601, 'yyyy-MM-dd HH:mm:ss' UTC or "
                    + "epoch seconds).")
    private Path data;

    @Option(names = "--config", paramLabel = "FILE", description = "A capacity plan (reliability/capacity.yaml).")
    private Path config;

    @Option(names = "--prometheus", paramLabel = "URL",
            description = "Prometheus server root URL; with --query, or for the plan's prometheus: resources.")
    private String prometheus;

    @Option(names = "--query", paramLabel = "PROMQL", description = "PromQL giving the usage (several series are "
            + "summed, with a warning).")
    private String query;

    @Option(names = "--range", paramLabel = "DURATION", defaultValue = "90d",
            description = "History to read from Prometheus (default: ${DEFAULT-VALUE}).")
    private String range;

    @Option(names = "--step", paramLabel = "DURATION", defaultValue = "1h",
            description = "Resolution of the Prometheus history (default: ${DEFAULT-VALUE}).")
    private String step;

    @Option(names = "--horizon", paramLabel = "DURATION", description = "How far to forecast (default: the plan's, "
            + "else 90d).")
    private String horizon;

    @Option(names = "--capacity", paramLabel = "N", description = "Total capacity in the data's unit (single "
            + "resource).")
    private Double capacity;

    @Option(names = "--instances", paramLabel = "N", description = "Instances today (single resource).")
    private Integer instances;

    @Option(names = "--per-instance", paramLabel = "N", description = "Capacity of one instance (single resource).")
    private Double perInstance;

    @Option(names = "--unit", paramLabel = "UNIT", defaultValue = "",
            description = "Unit of the values, e.g. req/s (single resource).")
    private String unit;

    @Option(names = "--target-utilization", paramLabel = "RATIO",
            description = "Highest planned utilisation, e.g. 70%% or 0.7 (default: the plan's, else 70%%).")
    private String targetUtilization;

    @Option(names = "--level", paramLabel = "RATIO",
            description = "Coverage of the prediction interval, e.g. 95%% (default: the plan's, else 95%%).")
    private String level;

    @Option(names = "--event", paramLabel = "NAME:DATE:xF",
            description = "A planned event multiplying usage from DATE (UTC) on, e.g. launch:2026-12-01:x2; "
                    + "repeatable.")
    private List<String> events = new ArrayList<>();

    @Option(names = "--growth", paramLabel = "RATE", description = "Growth scenario, e.g. 20%%/month.")
    private String growth;

    @Option(names = "--unit-cost", paramLabel = "AMOUNT",
            description = "Cost of one instance per month (single resource).")
    private Double unitCost;

    @Option(names = "--fail-on-runway", description = "Exit 1 when some resource's runway is shorter than the "
            + "horizon.")
    private boolean failOnRunway;

    @Mixin
    private ReportOutput output;

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        output.format(commandLine);
        int sources = (data != null ? 1 : 0) + (config != null ? 1 : 0) + (config == null && query != null ? 1 : 0);
        if (sources != 1) {
            throw new CommandLine.ParameterException(commandLine, "give exactly one history: DATA.csv, --config FILE "
                    + "or --prometheus URL --query PROMQL");
        }
        if (config == null && query != null && prometheus == null) {
            throw new CommandLine.ParameterException(commandLine, "--query needs --prometheus URL");
        }
        CapacityConfig plan = config != null ? fromPlan(commandLine) : fromFlags(commandLine);
        Map<String, TimeSeries> histories = new LinkedHashMap<>();
        for (CapacityConfig.Resource resource : plan.resources()) {
            histories.put(resource.name(), history(resource, commandLine));
        }
        CapacityAnalysis analysis = new CapacityPlanner(Forecasting.DEFAULT).analyze(plan, histories);
        output.write(CapacityReport.of(analysis), commandLine);
        boolean runwayShort = analysis.resources().stream().anyMatch(r -> r.baseline().runway().isPresent());
        return failOnRunway && runwayShort ? 1 : 0;
    }

    private CapacityConfig fromPlan(CommandLine commandLine) {
        CapacityConfigReader.Loaded loaded = CapacityConfigReader.read(config);
        loaded.problems().stream().filter(problem -> !problem.isError())
                .forEach(problem -> commandLine.getErr().println(problem.format()));
        if (loaded.config().isEmpty()) {
            throw new InputException(loaded.problems().stream().filter(Problem::isError).toList());
        }
        CapacityConfig read = loaded.config().get();
        if (capacity != null || instances != null || perInstance != null || unitCost != null) {
            throw new CommandLine.ParameterException(commandLine, "--capacity, --instances, --per-instance and "
                    + "--unit-cost describe a single resource; with --config, set them in the plan");
        }
        List<CapacityConfig.PlannedEvent> allEvents = new ArrayList<>(read.events());
        allEvents.addAll(events(commandLine));
        return new CapacityConfig(read.service(), horizon(commandLine).orElse(read.horizon()),
                ratio("--target-utilization", targetUtilization, commandLine).orElse(read.targetUtilization()),
                ratio("--level", level, commandLine).orElse(read.level()), read.headroom(),
                growth(commandLine).isPresent() ? growth(commandLine) : read.monthlyGrowth(), read.resources(),
                allEvents);
    }

    private CapacityConfig fromFlags(CommandLine commandLine) {
        String name = data != null ? stem(data) : "usage";
        CapacityConfig.Source source = data != null ? new CapacityConfig.CsvSource(data)
                : new CapacityConfig.PrometheusSource(Optional.of(prometheus), query, duration("--range", range,
                commandLine), duration("--step", step, commandLine));
        CapacityConfig.Resource resource = new CapacityConfig.Resource(name, CapacityConfig.Kind.OTHER, unit,
                capacity == null ? OptionalDouble.empty() : OptionalDouble.of(positive("--capacity", capacity)),
                instances == null ? OptionalInt.empty() : OptionalInt.of((int) positive("--instances", instances)),
                perInstance == null ? OptionalDouble.empty()
                        : OptionalDouble.of(positive("--per-instance", perInstance)),
                unitCost == null ? Optional.empty() : Optional.of(new CapacityConfig.Cost(unitCost, "")), source);
        double utilization = ratio("--target-utilization", targetUtilization, commandLine)
                .orElse(CapacityConfig.DEFAULT_TARGET_UTILIZATION);
        double interval = ratio("--level", level, commandLine).orElse(CapacityConfig.DEFAULT_LEVEL);
        if (utilization <= 0 || interval <= 0 || interval >= 1) {
            throw new CommandLine.ParameterException(commandLine, "--target-utilization must be above 0 and --level "
                    + "between 0 and 1, exclusive");
        }
        return new CapacityConfig("", horizon(commandLine).orElse(CapacityConfig.DEFAULT_HORIZON), utilization,
                interval, CapacityConfig.Headroom.DEFAULT, growth(commandLine), List.of(resource), events(commandLine));
    }

    private TimeSeries history(CapacityConfig.Resource resource, CommandLine commandLine) {
        return switch (resource.source()) {
            case CapacityConfig.CsvSource csv -> UsageCsv.read(csv.file());
            case CapacityConfig.PrometheusSource query -> {
                String url = prometheus != null ? prometheus : query.url().orElseThrow(() ->
                        new CommandLine.ParameterException(commandLine, "resource " + resource.name() + " reads "
                                + "Prometheus; give --prometheus URL or prometheus.url in the plan"));
                yield PrometheusHistory.fetch(url, query.query(), query.range(), query.step(), Instant.now(),
                        warning -> commandLine.getErr().println("relia: warning: "
                                + TerminalText.oneLine(resource.name() + ": " + warning)));
            }
            case CapacityConfig.GivenSource given -> throw new IllegalStateException("no history: " + given);
        };
    }

    private List<CapacityConfig.PlannedEvent> events(CommandLine commandLine) {
        List<CapacityConfig.PlannedEvent> out = new ArrayList<>();
        for (String text : events) {
            switch (CapacityValues.event(text)) {
                case Parsed.Ok<CapacityConfig.PlannedEvent>(CapacityConfig.PlannedEvent event) -> out.add(event);
                case Parsed.Invalid<CapacityConfig.PlannedEvent> invalid -> throw new CommandLine.ParameterException(
                        commandLine, "--event " + invalid.message() + "; expected " + invalid.expected());
            }
        }
        return out;
    }

    private OptionalDouble growth(CommandLine commandLine) {
        if (growth == null) {
            return OptionalDouble.empty();
        }
        return switch (CapacityValues.monthlyGrowth(growth)) {
            case Parsed.Ok<Double>(Double rate) -> OptionalDouble.of(rate);
            case Parsed.Invalid<Double> invalid -> throw new CommandLine.ParameterException(commandLine,
                    "--growth " + growth + ": " + invalid.message() + "; expected a rate such as 20%/month");
        };
    }

    private Optional<Duration> horizon(CommandLine commandLine) {
        return horizon == null ? Optional.empty() : Optional.of(duration("--horizon", horizon, commandLine));
    }

    private static Duration duration(String option, String text, CommandLine commandLine) {
        return Durations.parse(text).asOptional().filter(value -> !value.isZero()).orElseThrow(() ->
                new CommandLine.ParameterException(commandLine, option + " " + text + " is not a duration; expected "
                        + "e.g. 90d"));
    }

    private static Optional<Double> ratio(String option, String text, CommandLine commandLine) {
        if (text == null) {
            return Optional.empty();
        }
        return Optional.of(Ratio.parse(text).asOptional().map(Ratio::asDouble).filter(value -> value > 0)
                .orElseThrow(() -> new CommandLine.ParameterException(commandLine, option + " " + text
                        + " is not a ratio; expected e.g. 70% or 0.7")));
    }

    private double positive(String option, double value) {
        if (!(value > 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " " + value + " is not positive");
        }
        return value;
    }

    private static String stem(Path file) {
        String name = String.valueOf(file.getFileName());
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}

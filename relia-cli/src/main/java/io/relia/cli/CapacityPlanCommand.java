package io.relia.cli;

import io.relia.core.value.Ratio;
import io.relia.load.capacity.FindMaxResult;
import io.relia.load.capacity.InstancePlan;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code relia capacity plan}: instances needed now and at the horizon, from a forecast report. */
@Command(name = "plan",
        mixinStandardHelpOptions = true,
        description = {"Plan the instances needed now and at the horizon from a relia capacity forecast report.",
            "",
            "now      = ceil(normal peak x headroom / (per-instance x target utilisation))",
            "horizon  = ceil(forecast's highest upper bound x headroom / (per-instance x target utilisation))", "",
            "The per-instance capacity is a rate or a relia load find-max result (its knee.rate, req/s).", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  a plan was produced", "  2  usage error or invalid input (forecast or find-max file)",
            "  3  the report could not be written", "", "Docs: docs/capacity.md"})
final class CapacityPlanCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--forecast", required = true, paramLabel = "FORECAST.json",
            description = "JSON report of relia capacity forecast --format json.")
    private Path forecast;

    @Option(names = "--per-instance", required = true, paramLabel = "RATE|FIND_MAX.json",
            description = "Capacity of one instance: a number in the forecast's unit, or a find-max result file.")
    private String perInstance;

    @Option(names = "--headroom", paramLabel = "X", defaultValue = "3",
            description = "Multiple of the peak to carry (default: ${DEFAULT-VALUE}).")
    private double headroom;

    @Option(names = "--target-utilization", paramLabel = "RATIO", defaultValue = "0.7",
            description = "Highest planned utilisation of an instance (default: ${DEFAULT-VALUE}).")
    private String targetUtilization;

    @Mixin
    private ReportOutput output;

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        output.format(commandLine);
        if (!(headroom >= 1)) {
            throw new CommandLine.ParameterException(commandLine, "--headroom " + headroom + " is below 1");
        }
        double utilization = Ratio.parse(targetUtilization).asOptional().map(Ratio::asDouble)
                .filter(value -> value > 0).orElseThrow(() -> new CommandLine.ParameterException(commandLine,
                        "--target-utilization " + targetUtilization + " is not a ratio; expected e.g. 0.7 or 70%"));
        output.write(InstancePlan.plan(forecast, perInstance(commandLine), headroom, utilization), commandLine);
        return 0;
    }

    private double perInstance(CommandLine commandLine) {
        try {
            double rate = Double.parseDouble(perInstance);
            if (!(rate > 0) || Double.isInfinite(rate)) {
                throw new CommandLine.ParameterException(commandLine, "--per-instance " + perInstance
                        + " is not a positive rate");
            }
            return rate;
        } catch (NumberFormatException notANumber) {
            return FindMaxResult.kneeRate(Path.of(perInstance));
        }
    }
}

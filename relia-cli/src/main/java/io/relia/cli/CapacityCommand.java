package io.relia.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code relia capacity}: forecasts, runway and instance plans. */
@Command(name = "capacity",
        mixinStandardHelpOptions = true,
        description = {"Forecast usage and plan the instances needed now and at the horizon.", "",
            "The forecast model is chosen by backtest on your own history; the plan gives the runway to the",
            "capacity limit and the headroom.", ""},
        subcommands = {CapacityForecastCommand.class, CapacityPlanCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  1  the plan fails (runway shorter than the horizon with --fail-on-runway)",
            "  2  usage error or invalid input", "  3  an external system failed (Prometheus unreachable)"})
final class CapacityCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

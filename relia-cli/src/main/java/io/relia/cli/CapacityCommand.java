package io.relia.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code relia capacity}: forecasts, runway and instance plans. */
@Command(name = "capacity",
        mixinStandardHelpOptions = true,
        description = {"Capacity planning: forecast usage from history (model chosen by backtest on your own data),",
            "runway to the capacity limit, headroom, and the instances needed now and at the horizon.", ""},
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

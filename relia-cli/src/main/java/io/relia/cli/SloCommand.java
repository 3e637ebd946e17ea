package io.relia.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code relia slo}: SLOs as code. */
@Command(name = "slo",
        mixinStandardHelpOptions = true,
        description = {"SLOs as code: validate specs, generate Sloth-equal rules, check budgets live or on history.", "",
            "Reads native, Sloth prometheus/v1, OpenSLO v1 and Pyrra specs; generates the recording and",
            "multi-window multi-burn-rate alert rules Sloth generates; explains the error-budget maths; reports",
            "budgets and burn rates from Prometheus or recorded data, gates deploys on the budget policy, backtests",
            "alerts on history, writes Grafana dashboards and converts specs between formats.", ""},
        subcommands = {SloValidateCommand.class, SloGenerateCommand.class, SloExplainCommand.class,
            SloStatusCommand.class, SloGateCommand.class, SloBacktestCommand.class, SloDashboardCommand.class,
            SloConvertCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  1  gate: deploys frozen", "  2  usage error or invalid spec",
            "  3  Prometheus unreachable or failing"})
final class SloCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

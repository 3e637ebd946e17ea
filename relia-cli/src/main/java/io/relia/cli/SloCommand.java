package io.relia.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code relia slo}: SLOs as code. */
@Command(name = "slo",
        mixinStandardHelpOptions = true,
        description = {"SLOs as code: validate SLO specs (native, Sloth prometheus/v1, OpenSLO v1), generate",
            "Sloth-equal Prometheus recording and burn-rate alert rules, and explain the error-budget maths.", ""},
        subcommands = {SloValidateCommand.class, SloGenerateCommand.class, SloExplainCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  2  usage error or invalid spec"})
final class SloCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

package io.relia.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code relia load}: load generation with honest latency and the maximum-sustainable-throughput search. */
@Command(name = "load",
        mixinStandardHelpOptions = true,
        description = {"Send HTTP load with honest latency, and find the highest rate that meets an SLO.", "",
            "The load generator follows an open model: latency is measured from each request's intended send time",
            "(coordinated omission corrected).", ""},
        subcommands = {LoadRunCommand.class, LoadFindMaxCommand.class, LoadSelftestCommand.class,
            LoadMergeCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  1  a threshold or SLO failed", "  2  usage error or invalid input",
            "  3  an external system failed (target unreachable)"})
final class LoadCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

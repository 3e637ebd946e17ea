package io.relia.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code relia chaos}: fault injection and chaos experiments. */
@Command(name = "chaos",
        mixinStandardHelpOptions = true,
        description = {"Chaos engineering: a fault-injection proxy and an experiment runner.", "",
            "The proxy speaks Toxiproxy 2.x's admin API, so Toxiproxy clients (toxiproxy-java, Testcontainers,",
            "toxiproxy-cli, the Go client) drive it unchanged. It adds what Toxiproxy users asked for: packet loss,",
            "toxic scopes (first N connections, time windows, client addresses), a connection list and metrics.", ""},
        subcommands = {ChaosProxyCommand.class, ChaosRunCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  1  the experiment failed or deviated", "  2  usage error or invalid input",
            "  3  an external system failed (port in use, API unreachable)"})
final class ChaosCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

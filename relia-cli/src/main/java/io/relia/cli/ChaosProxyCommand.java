package io.relia.cli;

import io.relia.chaos.ChaosProxy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code relia chaos proxy}: runs the Toxiproxy-compatible fault-injection proxy until stopped. */
@Command(name = "proxy",
        mixinStandardHelpOptions = true,
        description = {"Run the fault-injection proxy with Toxiproxy's admin API until Ctrl-C or SIGTERM.", "",
            "Create proxies and toxics with any Toxiproxy client or with curl, e.g.:",
            "  curl -X POST localhost:8474/proxies -d '{\"name\":\"db\",\"listen\":\"127.0.0.1:6000\","
                + "\"upstream\":\"127.0.0.1:5432\"}'",
            "  curl -X POST localhost:8474/proxies/db/toxics -d '{\"type\":\"latency\","
                + "\"attributes\":{\"latency\":200}}'", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  2  usage error or invalid --config file",
            "  3  the admin port or a configured listen address is in use",
            "  130, 143  stopped by Ctrl-C or SIGTERM (every listener and connection is closed first)", "",
            "Docs: docs/chaos.md"})
final class ChaosProxyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address of the admin API, and of proxies whose listen address names no host "
                    + "(default: ${DEFAULT-VALUE}; Toxiproxy's Docker image uses 0.0.0.0).")
    private String host;

    @Option(names = "--port", defaultValue = "8474", paramLabel = "PORT",
            description = "Admin API port (default: ${DEFAULT-VALUE}, as Toxiproxy); 0 picks a free port.")
    private int port;

    @Option(names = "--config", paramLabel = "FILE",
            description = "JSON array of proxies to create at start, as POST /populate takes it.")
    private Path config;

    @Option(names = "--metrics", description = "Serve /metrics in Prometheus format (bytes by direction with "
            + "Toxiproxy's metric names, connections, toxic activations).")
    private boolean metrics;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
            description = "Event loops carrying proxied connections (default: ${DEFAULT-VALUE}; one is the most "
                    + "CPU-efficient on a machine shared with the load and the service; raise it on a dedicated one).")
    private int threads;

    @Option(names = "--max-connections", defaultValue = "" + ChaosProxy.Options.DEFAULT_MAX_CONNECTIONS,
            paramLabel = "N",
            description = "Open client connections one proxy accepts; more are reset and logged (default: "
                    + "${DEFAULT-VALUE}). All proxies together also stop short of the file descriptor limit.")
    private int maxConnections;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "info",
            description = "error, warn, info or debug; logs (refused connections) are JSON lines on stderr "
                    + "(default: ${DEFAULT-VALUE}).")
    private String logLevel;

    @Override
    public Integer call() {
        if (threads < 1 || threads > 256) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--threads " + threads + " is out of range; expected 1..256");
        }
        if (maxConnections < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--max-connections " + maxConnections + " is out of range; expected 1 or more");
        }
        try {
            ServerLogging.enable(logLevel);
        } catch (IllegalArgumentException badLevel) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), badLevel.getMessage());
        }
        ChaosProxy proxy;
        try {
            proxy = ChaosProxy.start(new ChaosProxy.Options(host, port, Optional.ofNullable(config), metrics, threads,
                    maxConnections));
        } catch (IOException e) {
            throw new ExternalFailure(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Relia chaos proxy: Toxiproxy 2.x API on " + proxy.adminUri() + " (Ctrl-C stops it)");
        out.flush();
        UntilStopped.await("relia-chaos-proxy", proxy::close);
        return 0;
    }
}

package io.relia.cli;

import io.relia.core.InputException;
import io.relia.incident.IncidentSettings;
import io.relia.incident.IncidentStore;
import io.relia.server.ReadLimits;
import io.relia.server.ReliaServer;
import io.relia.server.ServerSetup;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code relia serve}: the incident API over HTTP. */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {"Serve the incident API, alert intake and dashboard over HTTP until Ctrl-C or SIGTERM.", "",
            "Dashboard at /; API under /api/v1 (described at /openapi.json); GET /health, /ready, /metrics.",
            "Alert intake: POST /api/v1/alerts/alertmanager (Alertmanager webhook v4) and",
            "POST /api/v1/alerts/pagerduty (PagerDuty Events v2). Grouping, severity mapping and notification",
            "targets come from incidents.yaml beside the data (or --policy).",
            "Writes need Authorization: Bearer <token> with the route's scope (relia token create NAME --scope ...);",
            "reads too with --reads-need-token. Requests must name the server by a name it answers to (Host): the",
            "loopback names, the --bind address, --public-url's host and --allowed-host names.",
            "Errors are JSON {error, message}. Logs are JSON lines on stderr. Binds 127.0.0.1 unless --bind says",
            "otherwise. On SIGTERM it stops accepting, finishes requests in flight, then closes the store.", ""},
        footerHeading = "%nExample:%n",
        footer = {"  relia token create alertmanager --scope intake      # prints the token once",
            "  relia serve --port 8080 --data /var/lib/relia --slo reliability/slos", "",
            "Exit codes: 0 stopped by a signal, 2 usage error, 3 the port or the store could not be opened.",
            "Docs: docs/server.md"})
final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private IncidentStoreOptions store;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    private String bind;

    @Option(names = "--reads-need-token", description = "Require a bearer token (scope read) for GET requests too.")
    private boolean readsNeedToken;

    @Option(names = "--allowed-host", paramLabel = "NAME", split = ",",
            description = "Another name clients reach the server by (its Host header), e.g. relia.internal; "
                    + "besides server.allowed_hosts in incidents.yaml. * allows any name (no DNS-rebinding "
                    + "protection).")
    private List<String> allowedHosts = new ArrayList<>();

    @Option(names = "--read-rate", paramLabel = "PER_SECOND", defaultValue = "20",
            description = "API reads one client (remote address) may start per second, in bursts of twice that;"
                    + " beyond, 429 (default: ${DEFAULT-VALUE}).")
    private double readRate;

    @Option(names = "--read-in-flight", paramLabel = "N", defaultValue = "8",
            description = "API reads of one client answered at the same time; beyond, 429 (default: ${DEFAULT-VALUE}).")
    private int readInFlight;

    @Option(names = "--read-concurrency", paramLabel = "N",
            description = "API reads the server runs at once, whoever sends them; alert intake never waits for them"
                    + " (default: half the cores, at least 1).")
    private Integer readConcurrency;

    @Option(names = "--slo", paramLabel = "FILE", split = ",",
            description = "SLO specs (Relia, Sloth, OpenSLO or Pyrra; files or directories) the dashboard shows.")
    private List<Path> sloFiles = new ArrayList<>();

    @Option(names = "--prometheus", paramLabel = "URL",
            description = "Prometheus to read live SLO status from, e.g. http://127.0.0.1:9090.")
    private URI prometheus;

    @Option(names = "--slo-data", paramLabel = "FILE",
            description = "Or: measure the SLOs over recorded data (OpenMetrics with timestamps, as relia slo status "
                    + "--data) as of its last sample.")
    private Path sloData;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "How people reach this server, for links in notifications (default: the listen address).")
    private URI publicUrl;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "info",
            description = "error, warn, info or debug; logs are JSON lines on stderr (default: ${DEFAULT-VALUE}).")
    private String logLevel;

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        if (port < 0 || port > 65_535) {
            throw new CommandLine.ParameterException(commandLine, "--port " + port + " is out of range 0..65535");
        }
        if (prometheus != null && (prometheus.getScheme() == null || prometheus.getHost() == null)) {
            throw new CommandLine.ParameterException(commandLine, "--prometheus " + prometheus
                    + " is not a URL; expected e.g. http://127.0.0.1:9090");
        }
        if (store.server != null) {
            throw new CommandLine.ParameterException(commandLine, "--server is for clients of a relia serve;"
                    + " relia serve itself opens --data or --db");
        }
        if (prometheus != null && sloData != null) {
            throw new CommandLine.ParameterException(commandLine, "--prometheus and --slo-data are two sources of"
                    + " SLO data; give one");
        }
        ReadLimits reads;
        try {
            reads = ReadLimits.DEFAULT.withRate(readRate).withInFlight(readInFlight);
            reads = readConcurrency == null ? reads : reads.withConcurrent(readConcurrency);
        } catch (IllegalArgumentException badLimit) {
            throw new CommandLine.ParameterException(commandLine, badLimit.getMessage());
        }
        try {
            ServerLogging.enable(logLevel);
        } catch (IllegalArgumentException badLevel) {
            throw new CommandLine.ParameterException(commandLine, badLevel.getMessage());
        }
        IncidentSettings settings = store.settings();
        IncidentStore incidents = store.open();
        ReliaServer server;
        try {
            ServerSetup setup = ServerSetup.of(incidents).withSettings(settings)
                    .withSlos(sloFiles, Optional.ofNullable(prometheus)).withSloData(Optional.ofNullable(sloData))
                    .withPublicUrl(Optional.ofNullable(publicUrl));
            List<String> names = new ArrayList<>(settings.allowedHosts());
            names.addAll(allowedHosts);
            server = ReliaServer.start(setup, new ReliaServer.Options(bind, port, readsNeedToken,
                    ReliaServer.DEFAULT_MAX_BODY, ReliaServer.DEFAULT_MAX_INTAKE_BODY, reads, names));
        } catch (InputException badInput) {
            incidents.close();
            throw badInput;
        } catch (RuntimeException cannotListen) {
            incidents.close();
            throw new ExternalFailure("cannot listen on " + bind + ":" + port + ": " + cannotListen.getMessage(),
                    cannotListen);
        }
        PrintWriter out = commandLine.getOut();
        out.println("relia serve: listening on http://" + bind + ":" + server.port() + " (Ctrl-C stops it)");
        out.flush();
        UntilStopped.await("relia-serve", () -> {
            server.close();
            incidents.close();
        });
        return 0;
    }
}

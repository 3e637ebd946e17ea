package io.relia.cli;

import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentStore;
import io.relia.server.ReliaServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code relia serve}: the incident API over HTTP. */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {"Serves the incident API over HTTP until Ctrl-C or SIGTERM.", "",
            "Endpoints: GET /health, GET /ready, GET|POST /api/v1/incidents, GET /api/v1/incidents/{id},",
            "POST /api/v1/incidents/{id}/ack|mitigate|resolve|close|reopen, POST .../notes, POST .../roles.",
            "Writes need Authorization: Bearer <token> (relia token create NAME); reads too with --reads-need-token.",
            "Errors are JSON {error, message}. Binds 127.0.0.1 unless --bind says otherwise. On SIGTERM it stops",
            "accepting, finishes requests in flight, then closes the store.", ""},
        footerHeading = "%nExample:%n",
        footer = {"  relia token create alertmanager      # prints the token once",
            "  relia serve --port 8080 --data /var/lib/relia", "",
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

    @Option(names = "--reads-need-token", description = "Require a bearer token for GET requests too.")
    private boolean readsNeedToken;

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        if (port < 0 || port > 65_535) {
            throw new CommandLine.ParameterException(commandLine, "--port " + port + " is out of range 0..65535");
        }
        IncidentPolicy policy = store.policy();
        IncidentStore incidents = store.open();
        ReliaServer server;
        try {
            server = ReliaServer.start(incidents, policy, new ReliaServer.Options(bind, port, readsNeedToken,
                    ReliaServer.DEFAULT_MAX_BODY));
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

package io.relia.chaos;

import io.relia.chaos.proxy.ProxyServer;
import io.relia.core.InputException;
import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.ReliaVersion;
import io.relia.core.files.InputFiles;
import io.relia.core.spec.InputLimits;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/**
 * A fault-injection TCP proxy server whose admin API is Toxiproxy 2.x's, so Toxiproxy clients drive it unchanged.
 *
 * <pre>{@code
 * try (ChaosProxy proxy = ChaosProxy.start(new ChaosProxy.Options("127.0.0.1", 0, Optional.empty(), false))) {
 *     URI api = proxy.adminUri();   // POST api + "proxies" {"name","listen","upstream"} ...
 * }
 * }</pre>
 */
public final class ChaosProxy implements AutoCloseable {

    /**
     * How to start the server.
     *
     * @param host    address the admin API binds, and proxies whose listen address names no host
     * @param port    admin API port (Toxiproxy's is 8474); 0 = any free port
     * @param config  a JSON file of proxies to create at start (the array {@code POST /populate} takes)
     * @param metrics whether to serve {@code /metrics} in Prometheus format
     * @param threads        event loops carrying proxied connections, 1..256. One is the default: on a machine
     *                       shared with the load and the service under test it gave the most requests per CPU
     *                       second (see docs/benchmarks.md); more scale a dedicated machine
     * @param maxConnections open client connections one proxy accepts, 1 or more; more are reset. Together the
     *                       proxies also stop where the process's file descriptor limit would be reached
     */
    public record Options(String host, int port, Optional<Path> config, boolean metrics, int threads,
                          int maxConnections) {
        /** Open connections per proxy unless told otherwise. */
        public static final int DEFAULT_MAX_CONNECTIONS = 1024;

        public Options {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(config, "config");
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
            if (threads < 1 || threads > 256) {
                throw new IllegalArgumentException("threads must be 1..256, got " + threads);
            }
            if (maxConnections < 1) {
                throw new IllegalArgumentException("max connections must be 1 or more, got " + maxConnections);
            }
        }

        /** {@link #DEFAULT_MAX_CONNECTIONS} per proxy. */
        public Options(String host, int port, Optional<Path> config, boolean metrics, int threads) {
            this(host, port, config, metrics, threads, DEFAULT_MAX_CONNECTIONS);
        }

        /** One event loop, {@link #DEFAULT_MAX_CONNECTIONS} per proxy. */
        public Options(String host, int port, Optional<Path> config, boolean metrics) {
            this(host, port, config, metrics, 1);
        }
    }

    private final ProxyServer server;

    private ChaosProxy(ProxyServer server) {
        this.server = server;
    }

    /**
     * Starts the admin API and the proxies of the config file.
     *
     * @throws InputException when the config file is unreadable or invalid
     * @throws IOException    when the admin port or a configured listen address is taken
     */
    public static ChaosProxy start(Options options) throws IOException {
        JsonNode config = options.config().map(ChaosProxy::readConfig).orElse(null);
        try {
            return new ChaosProxy(ProxyServer.start(options.host(), options.port(), config, options.metrics(),
                    options.threads(), options.maxConnections(), ReliaVersion.get()));
        } catch (IllegalArgumentException e) {
            Path file = options.config().orElseThrow();
            throw new InputException(Problem.error(Location.wholeFile(file), e.getMessage(),
                    "a JSON array of {\"name\", \"listen\", \"upstream\", \"enabled\"} objects", null));
        }
    }

    private static JsonNode readConfig(Path file) {
        byte[] bytes;
        try {
            bytes = InputFiles.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(Problem.error(Location.wholeFile(file), "cannot read the proxy config: "
                    + e.getMessage()));
        }
        try {
            return InputLimits.jsonMapper().readTree(bytes);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            Location location = at == null ? Location.wholeFile(file)
                    : Location.of(file, at.getLineNr(), at.getColumnNr());
            String reason = e.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[Source.*", "");
            throw new InputException(Problem.error(location, "not valid JSON: " + reason));
        }
    }

    /** The admin API's base URL, ending in {@code /}. */
    public URI adminUri() {
        var address = server.adminAddress();
        String host = address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + "/");
    }

    /** Stops the API, the proxies and every connection through them. */
    @Override
    public void close() {
        server.close();
    }
}

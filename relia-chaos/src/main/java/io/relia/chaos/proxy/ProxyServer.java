package io.relia.chaos.proxy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import tools.jackson.databind.JsonNode;

/**
 * The proxy engine behind {@link io.relia.chaos.ChaosProxy}: the proxies, and the admin API server that drives
 * them. The only public type of this package.
 */
public final class ProxyServer implements AutoCloseable {
    private final ProxyRegistry registry;
    private final AdminServer admin;

    private ProxyServer(ProxyRegistry registry, AdminServer admin) {
        this.registry = registry;
        this.admin = admin;
    }

    /**
     * Starts the admin API on {@code host:port} (0 = any free port) and creates the proxies of {@code config}.
     *
     * @param config                 a JSON array of proxies as {@code /populate} takes it, or null
     * @param metrics                whether {@code /metrics} is served
     * @param threads                event loops for proxied connections
     * @param maxConnectionsPerProxy open client connections one proxy accepts, 1 or more; the process as a whole
     *                               accepts what its file descriptor limit leaves room for
     * @throws IllegalArgumentException when the config is invalid or has a proxy the API refuses (why is said)
     * @throws IOException              when the port is taken or a proxy of the config cannot listen
     */
    public static ProxyServer start(String host, int port, JsonNode config, boolean metrics, int threads,
                                    int maxConnectionsPerProxy, String version) throws IOException {
        return start(host, port, config, metrics, threads, version,
                ConnectionCaps.forThisProcess(maxConnectionsPerProxy));
    }

    /** As above, with both caps given (tests set a small process cap). */
    static ProxyServer start(String host, int port, JsonNode config, boolean metrics, int threads, String version,
                             ConnectionCaps caps) throws IOException {
        ProxyRegistry registry = new ProxyRegistry(host, metrics, threads, caps);
        AdminServer admin;
        try {
            admin = new AdminServer(new AdminApi(registry, version),
                    new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException | RuntimeException e) {
            registry.close();
            throw e;
        }
        registry.adminAt(admin.address());
        ProxyServer server = new ProxyServer(registry, admin);
        if (config != null) {
            try {
                registry.populate(ProxyJson.populate(config));
            } catch (ApiException e) {
                server.close();
                throw new IllegalArgumentException(e.getMessage(), e);
            } catch (ProxyRegistry.PopulateFailure e) {
                server.close();
                if (e.cause.status() == 400) {
                    // A proxy the API refuses (one looping back to itself): the config is wrong, not the machine.
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
                throw new IOException(e.getMessage(), e);
            }
        }
        return server;
    }

    /** Where the admin API listens. */
    public InetSocketAddress adminAddress() {
        return admin.address();
    }

    /** Stops the API, every listener and every connection. */
    @Override
    public void close() {
        admin.close();
        registry.close();
    }
}

package io.relia.chaos.proxy;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One named proxy: a listener, the toxics on it, and its live connections. Changed only by {@link ProxyRegistry}
 * under its lock; event loops read the toxics through an immutable snapshot.
 */
final class FaultProxy {
    private static final long CLOSE_WAIT_MILLIS = 2_000;

    private final ProxyRegistry registry;
    private final String name;
    private final boolean http;
    private String listen;
    private String upstream;
    private boolean enabled;
    private InetSocketAddress upstreamAddress;
    private final List<Toxic> toxics = new ArrayList<>();
    private volatile List<Toxic> snapshot = List.of();
    private volatile Channel server;
    private volatile LinkCounters upCounters = LinkCounters.NONE;
    private volatile LinkCounters downCounters = LinkCounters.NONE;
    private final Set<ProxyConnection> connections = ConcurrentHashMap.newKeySet();
    /** Connections admitted and not yet closed; checked against the cap before a connection is set up. */
    private final AtomicInteger open = new AtomicInteger();
    private final Refusals refusals;

    FaultProxy(ProxyRegistry registry, String name, String listen, String upstream, boolean http)
            throws ApiException {
        this.registry = registry;
        this.name = name;
        this.http = http;
        this.listen = listen;
        this.upstream = upstream;
        this.upstreamAddress = Addresses.upstream(upstream);
        this.refusals = new Refusals(name, registry.timers());
        InetSocketAddress listenAddress;
        try {
            listenAddress = Addresses.listen(listen, registry.host());
        } catch (ApiException unresolved) {
            return; // start() reports it; a disabled proxy may wait for its name to resolve, as in Toxiproxy
        }
        registry.checkUpstream(upstream, listenAddress);
    }

    String name() {
        return name;
    }

    /** Whether this proxy decodes HTTP/1.1 and takes http_* toxics instead of tcp ones (Relia's extension). */
    boolean http() {
        return http;
    }

    String listen() {
        return listen;
    }

    String upstream() {
        return upstream;
    }

    boolean enabled() {
        return enabled;
    }

    List<Toxic> toxics() {
        return snapshot;
    }

    Set<ProxyConnection> connections() {
        return connections;
    }

    LinkCounters counters(Stream stream) {
        return stream == Stream.UPSTREAM ? upCounters : downCounters;
    }

    /** Binds the listener; {@link #listen()} then shows the address actually bound. */
    void start() throws ApiException {
        if (enabled) {
            return;
        }
        InetSocketAddress address = Addresses.listen(listen, registry.host());
        ChannelFuture bound = registry.serverBootstrap(this).bind(address).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            Throwable cause = bound.cause();
            String reason = Addresses.inUse(cause) ? "bind: address already in use"
                    : String.valueOf(cause == null ? "timed out" : cause.getMessage());
            throw new ApiException(500, "listen tcp " + Addresses.print(address) + ": " + reason);
        }
        if (address.getPort() == 0) {
            try {
                // The port the OS picked is known only now; fixed ones were checked when set.
                registry.checkUpstream(upstream, (InetSocketAddress) bound.channel().localAddress());
            } catch (ApiException loop) {
                bound.channel().close().awaitUninterruptibly(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
                throw loop;
            }
        }
        server = bound.channel();
        listen = Addresses.print(server.localAddress());
        enabled = true;
        upCounters = registry.counters(Stream.UPSTREAM, listen, name, upstream);
        downCounters = registry.counters(Stream.DOWNSTREAM, listen, name, upstream);
    }

    /** Closes the listener and every connection through it. */
    void stop() {
        enabled = false;
        Channel listener = server;
        server = null;
        if (listener != null) {
            listener.close().awaitUninterruptibly(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        }
        closeConnections();
    }

    private void closeConnections() {
        List<ProxyConnection> open = List.copyOf(connections);
        open.forEach(ProxyConnection::close);
        for (ProxyConnection connection : open) {
            connection.client().closeFuture().awaitUninterruptibly(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Applies a partial update: a new listen address restarts the proxy; a new upstream drops the open connections
     * and sends new ones there, keeping the listener (rebinding the same port could lose it to another socket);
     * {@code enabled} starts or stops it.
     */
    void update(String newListen, String newUpstream, boolean newEnabled) throws ApiException {
        InetSocketAddress newUpstreamAddress = Addresses.upstream(newUpstream);
        InetSocketAddress newListenAddress = Addresses.listen(newListen, registry.host());
        boolean listenMoved = !newListenAddress.equals(Addresses.listen(listen, registry.host()));
        if (listenMoved || !newUpstream.equals(upstream)) {
            // Only then: turning a proxy off and on is frequent, and resolving names may be slow.
            registry.checkUpstream(newUpstream, newListenAddress);
        }
        if (listenMoved) {
            stop();
            listen = newListen;
            upstream = newUpstream;
            upstreamAddress = newUpstreamAddress;
            if (newEnabled) {
                start();
            }
            return;
        }
        if (!newUpstream.equals(upstream)) {
            upstream = newUpstream;
            upstreamAddress = newUpstreamAddress;
            closeConnections();
            if (enabled) {
                upCounters = registry.counters(Stream.UPSTREAM, listen, name, upstream);
                downCounters = registry.counters(Stream.DOWNSTREAM, listen, name, upstream);
            }
        }
        if (newEnabled != enabled) {
            if (newEnabled) {
                start();
            } else {
                stop();
            }
        }
    }

    void accept(SocketChannel client) {
        if (!enabled) {
            client.close();
            return;
        }
        if (!admit(client)) {
            return;
        }
        ProxyConnection connection = new ProxyConnection(this, client, snapshot, http);
        connections.add(connection);
        registry.opened(this);
        if (http) {
            client.pipeline().addLast(new HttpServerCodec(),
                    new HttpRelayHandler(connection, true));
        } else {
            client.pipeline().addLast(new RelayHandler(connection, Stream.UPSTREAM));
        }
        connection.connect(upstreamAddress);
    }

    /**
     * Takes a slot under this proxy's cap and the process's, or refuses the client with a reset (a close would
     * look like an empty answer): a proxy whose upstream loops back to this server then ends at a cap.
     */
    private boolean admit(SocketChannel client) {
        String reason = null;
        if (open.incrementAndGet() > registry.caps().perProxy()) {
            reason = "proxy_cap";
        } else if (!registry.admit()) {
            reason = "process_cap";
        }
        if (reason == null) {
            return true;
        }
        open.decrementAndGet();
        registry.refused(this, reason);
        refusals.refused(reason.equals("proxy_cap")
                ? "it has " + registry.caps().perProxy() + " connections open, its cap (max connections per proxy)"
                : "the proxies have " + registry.caps().process() + " connections open, as many as the process's "
                        + "file descriptor limit leaves room for (ulimit -n)");
        client.config().setOption(ChannelOption.SO_LINGER, 0);
        client.close();
        return false;
    }

    void closed(ProxyConnection connection) {
        if (connections.remove(connection)) {
            open.decrementAndGet();
            registry.closed(this);
        }
    }

    void activated(Toxic toxic) {
        registry.activated(this, toxic);
    }

    Toxic toxic(String toxicName) throws ApiException {
        return toxics.stream().filter(t -> t.name().equals(toxicName)).findFirst()
                .orElseThrow(ApiException::toxicNotFound);
    }

    Toxic addToxic(ToxicSpec spec, long seq) throws ApiException {
        checkKind(spec);
        if (toxics.stream().anyMatch(t -> t.name().equals(spec.name()))) {
            throw new ApiException(409, "toxic already exists");
        }
        Toxic toxic = Toxic.created(spec, seq);
        toxics.add(toxic);
        publish();
        return toxic;
    }

    Toxic updateToxic(Toxic old, ToxicSpec spec) throws ApiException {
        checkKind(spec);
        Toxic updated = old.updated(spec);
        toxics.set(toxics.indexOf(old), updated);
        publish();
        return updated;
    }

    /** http_* toxics need an http proxy, tcp toxics a tcp one. */
    private void checkKind(ToxicSpec spec) throws ApiException {
        if (spec.type().isHttp() != http) {
            throw ApiException.badRequest("toxic type " + spec.type().wire() + " needs a proxy in "
                    + (http ? "tcp" : "http") + " mode; proxy " + name + " is in " + (http ? "http" : "tcp") + " mode");
        }
    }

    void removeToxic(String toxicName) throws ApiException {
        toxics.remove(toxic(toxicName));
        publish();
    }

    void removeAllToxics() {
        toxics.clear();
        publish();
    }

    private void publish() {
        List<Toxic> now = List.copyOf(toxics);
        snapshot = now;
        connections.forEach(c -> c.apply(now));
    }
}

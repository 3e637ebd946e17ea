package io.relia.chaos.proxy;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * All proxies of one server and the threads they run on. Every change goes through one lock, as Toxiproxy's
 * collection does, so API calls apply in the order they arrive.
 */
final class ProxyRegistry implements AutoCloseable {
    /** What {@code /populate} and {@code --config} give for one proxy. */
    record ProxyRequest(String name, String listen, String upstream, boolean enabled, boolean http) {
    }

    /** A populate that failed part way: the status and text of the failure, and the proxies done before it. */
    static final class PopulateFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final transient ApiException cause;
        final transient List<FaultProxy> done;

        PopulateFailure(ApiException cause, List<FaultProxy> done) {
            super(cause.getMessage(), null, false, false);
            this.cause = cause;
            this.done = done;
        }
    }

    private final String host;
    private final EventLoopGroup acceptors = new MultiThreadIoEventLoopGroup(1, Transport.ioHandlers());
    private final EventLoopGroup workers;
    private final Optional<ProxyMetrics> metrics;
    private final ConnectionCaps caps;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, FaultProxy> proxies = new LinkedHashMap<>();
    private volatile InetSocketAddress admin;
    private long toxicSeq;

    /**
     * @param threads event loops carrying the proxied connections (each connection stays on one)
     * @param caps    open connections allowed per proxy and for all proxies together
     */
    ProxyRegistry(String host, boolean metrics, int threads, ConnectionCaps caps) {
        this.host = host;
        this.caps = caps;
        this.workers = new MultiThreadIoEventLoopGroup(threads, Transport.ioHandlers());
        this.metrics = metrics ? Optional.of(new ProxyMetrics()) : Optional.empty();
    }

    ConnectionCaps caps() {
        return caps;
    }

    /** Where the admin API listens: no proxy may point there. */
    void adminAt(InetSocketAddress address) {
        admin = address;
    }

    /**
     * Refuses an upstream that is the proxy's own listener (each connection would dial the proxy again, without
     * end) or the admin API (proxied clients, perhaps remote ones, would drive it).
     *
     * @param listener where the proxy listens or will; port 0 (not bound yet) is checked once bound
     */
    void checkUpstream(String upstream, InetSocketAddress listener) throws ApiException {
        Addresses.HostPort target = Addresses.split(upstream, "upstream");
        if (Addresses.reaches(target, listener)) {
            throw ApiException.badRequest("upstream " + upstream + " is this proxy's own listen address "
                    + Addresses.print(listener) + ": each connection would connect back to the proxy without end");
        }
        InetSocketAddress api = admin;
        if (api != null && Addresses.reaches(target, api)) {
            throw ApiException.badRequest("upstream " + upstream + " is the admin API's address "
                    + Addresses.print(api) + ": proxied clients would drive the API");
        }
    }

    /** Takes a slot for a new connection of any proxy; false at the process cap. Callable from any thread. */
    boolean admit() {
        if (open.incrementAndGet() > caps.process()) {
            open.decrementAndGet();
            return false;
        }
        return true;
    }

    /** The address proxies bind to when their listen address names no host. */
    String host() {
        return host;
    }

    Optional<ProxyMetrics> metrics() {
        return metrics;
    }

    ServerBootstrap serverBootstrap(FaultProxy proxy) {
        return new ServerBootstrap().group(acceptors, workers).channel(Transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        proxy.accept(channel);
                    }
                });
    }

    LinkCounters counters(Stream stream, String listener, String proxy, String upstream) {
        return metrics.map(m -> m.link(stream, listener, proxy, upstream)).orElse(LinkCounters.NONE);
    }

    void opened(FaultProxy proxy) {
        metrics.ifPresent(m -> m.opened(proxy.name()));
    }

    /** A connection {@link #admit() admitted} closed. */
    void closed(FaultProxy proxy) {
        open.decrementAndGet();
        metrics.ifPresent(m -> m.closed(proxy.name()));
    }

    void refused(FaultProxy proxy, String reason) {
        metrics.ifPresent(m -> m.refused(proxy.name(), reason));
    }

    /** The event loop group that runs timers not tied to a connection (the refusal log's). */
    EventLoopGroup timers() {
        return acceptors;
    }

    void activated(FaultProxy proxy, Toxic toxic) {
        metrics.ifPresent(m -> m.activated(proxy.name(), toxic.spec()));
    }

    synchronized List<FaultProxy> all() {
        return proxies.values().stream().sorted(Comparator.comparing(FaultProxy::name)).toList();
    }

    synchronized FaultProxy get(String name) throws ApiException {
        FaultProxy proxy = proxies.get(name);
        if (proxy == null) {
            throw ApiException.proxyNotFound();
        }
        return proxy;
    }

    synchronized FaultProxy create(ProxyRequest request) throws ApiException {
        if (proxies.containsKey(request.name())) {
            throw new ApiException(409, "proxy already exists");
        }
        FaultProxy proxy = new FaultProxy(this, request.name(), request.listen(), request.upstream(),
                request.http());
        if (request.enabled()) {
            proxy.start();
        }
        proxies.put(request.name(), proxy);
        return proxy;
    }

    /**
     * Creates or replaces each proxy in turn; one that exists with the same listen and upstream is left as it is,
     * toxics and all. Stops at the first failure, keeping what was done before it.
     */
    synchronized List<FaultProxy> populate(List<ProxyRequest> requests) throws PopulateFailure {
        List<FaultProxy> done = new ArrayList<>();
        for (ProxyRequest request : requests) {
            try {
                FaultProxy existing = proxies.get(request.name());
                if (existing != null && existing.upstream().equals(request.upstream())
                        && existing.http() == request.http() && sameListen(existing, request.listen())) {
                    done.add(existing);
                    continue;
                }
                if (existing != null) {
                    existing.stop();
                    proxies.remove(request.name());
                }
                done.add(create(request));
            } catch (ApiException e) {
                throw new PopulateFailure(e, done);
            }
        }
        return done;
    }

    private boolean sameListen(FaultProxy existing, String listen) throws ApiException {
        return Addresses.listen(listen, host).equals(Addresses.listen(existing.listen(), host));
    }

    synchronized FaultProxy update(String name, Optional<String> listen, Optional<String> upstream,
                                   Optional<Boolean> enabled) throws ApiException {
        FaultProxy proxy = get(name);
        proxy.update(listen.orElse(proxy.listen()), upstream.orElse(proxy.upstream()),
                enabled.orElse(proxy.enabled()));
        return proxy;
    }

    synchronized void delete(String name) throws ApiException {
        get(name).stop();
        proxies.remove(name);
    }

    /** Re-enables every proxy and removes every toxic; proxies are kept. */
    synchronized void reset() throws ApiException {
        for (FaultProxy proxy : proxies.values()) {
            proxy.start();
            proxy.removeAllToxics();
        }
    }

    synchronized Toxic addToxic(String proxyName, ToxicSpec spec) throws ApiException {
        return get(proxyName).addToxic(spec, ++toxicSeq);
    }

    synchronized Toxic toxic(String proxyName, String toxicName) throws ApiException {
        return get(proxyName).toxic(toxicName);
    }

    synchronized List<Toxic> toxics(String proxyName) throws ApiException {
        return get(proxyName).toxics();
    }

    /** Replaces a toxic by {@code change(old)}; a new version, re-rolled on every link. */
    synchronized Toxic updateToxic(String proxyName, String toxicName, ToxicChange change) throws ApiException {
        FaultProxy proxy = get(proxyName);
        Toxic old = proxy.toxic(toxicName);
        return proxy.updateToxic(old, change.apply(old.spec()));
    }

    synchronized void removeToxic(String proxyName, String toxicName) throws ApiException {
        get(proxyName).removeToxic(toxicName);
    }

    /** Turns the old description of a toxic into the new one, or refuses the change. */
    interface ToxicChange {
        ToxicSpec apply(ToxicSpec old) throws ApiException;
    }

    @Override
    public synchronized void close() {
        proxies.values().forEach(FaultProxy::stop);
        proxies.clear();
        acceptors.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}

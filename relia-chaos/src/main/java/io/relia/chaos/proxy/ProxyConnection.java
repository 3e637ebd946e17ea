package io.relia.chaos.proxy;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client connection and the upstream connection the proxy opened for it. Both sockets share one event loop,
 * which is the only thread that touches the links, so toxics need no locks.
 */
final class ProxyConnection {
    /** How long the proxy waits for the upstream to accept before it closes the client, ms. */
    static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final AtomicLong IDS = new AtomicLong();

    private final long id = IDS.incrementAndGet();
    private final FaultProxy proxy;
    private final Channel client;
    private final Instant opened = Instant.now();
    private final Map<AtomicLong, Long> ordinals = new IdentityHashMap<>();
    private final boolean http;
    private Channel upstream;
    private HttpRelay httpRelay;
    private Link up;
    private Link down;
    private final EarlyInput early = new EarlyInput();
    private int finishedLinks;
    private boolean closed;

    ProxyConnection(FaultProxy proxy, Channel client, List<Toxic> toxics, boolean http) {
        this.proxy = proxy;
        this.client = client;
        this.http = http;
        for (Toxic toxic : toxics) {
            ordinals.put(toxic.connectionsSeen(), toxic.connectionsSeen().incrementAndGet());
        }
    }

    long id() {
        return id;
    }

    Instant opened() {
        return opened;
    }

    /** Dials the upstream on the client's event loop; the client is read only once that succeeded. */
    void connect(InetSocketAddress address) {
        ChannelFuture connecting = new Bootstrap().group(client.eventLoop()).channel(Transport.socketChannel())
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .handler(http ? new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(new HttpClientCodec(), new HttpRelayHandler(ProxyConnection.this,
                                false));
                    }
                } : new RelayHandler(this, Stream.DOWNSTREAM))
                .connect(address);
        connecting.addListener(f -> {
            if (!f.isSuccess() || closed) {
                connecting.channel().close();
                close();
                return;
            }
            upstream = connecting.channel();
            if (http) {
                httpRelay = new HttpRelay(this, client, upstream);
                early.replay(httpRelay::fromClient, () -> httpRelay.inputEnded(true));
                setReading(upstream, true);
                setReading(client, true);
                return;
            }
            up = new Link(Stream.UPSTREAM, this, client, upstream, proxy.counters(Stream.UPSTREAM));
            down = new Link(Stream.DOWNSTREAM, this, upstream, client, proxy.counters(Stream.DOWNSTREAM));
            List<Toxic> toxics = proxy.toxics();
            up.rebuild(toxics);
            down.rebuild(toxics);
            early.replay(message -> up.read((ByteBuf) message), up::sourceEnded);
            up.gate();
            down.gate();
        });
    }

    /**
     * Keeps what the client sent before the upstream connection was ready, to relay it once it is; returns false
     * when the relay is ready to take it itself. Call on the event loop.
     */
    boolean heldEarly(Object message) {
        if (up != null || httpRelay != null) {
            return false;
        }
        if (closed) {
            ReferenceCountUtil.release(message);
        } else {
            early.add(message);
        }
        return true;
    }

    /** As {@link #heldEarly}, for the client's half-close. */
    boolean endedEarly() {
        if (up != null || httpRelay != null) {
            return false;
        }
        early.end();
        return true;
    }

    /**
     * Turns reading from {@code channel} on or off. A channel whose input is shut down has nothing left to read,
     * and epoll refuses to watch it again (the error would close the connection).
     */
    static void setReading(Channel channel, boolean on) {
        if (channel.isActive() && !(channel instanceof DuplexChannel duplex && duplex.isInputShutdown())
                && channel.config().isAutoRead() != on) {
            channel.config().setAutoRead(on);
        }
    }

    HttpRelay httpRelay() {
        return httpRelay;
    }

    Link link(Stream stream) {
        return stream == Stream.UPSTREAM ? up : down;
    }

    List<Toxic> toxics() {
        return proxy.toxics();
    }

    /** This connection's number among those opened since {@code toxic} was added, 0 if it is older. */
    long ordinal(Toxic toxic) {
        return ordinals.getOrDefault(toxic.connectionsSeen(), 0L);
    }

    InetAddress clientAddress() {
        return ((InetSocketAddress) client.remoteAddress()).getAddress();
    }

    /** Brings both links in line with the proxy's toxics; callable from any thread. */
    void apply(List<Toxic> toxics) {
        client.eventLoop().execute(() -> {
            if (!closed && up != null) {
                up.rebuild(toxics);
                down.rebuild(toxics);
            }
        });
    }

    void activated(Toxic toxic) {
        proxy.activated(toxic);
    }

    /** The source of {@code link} finished: half-close its destination; once both sides finished, close. */
    void sourceFinished(Link link, Channel destination) {
        if (destination.isActive() && destination instanceof DuplexChannel duplex) {
            duplex.shutdownOutput();
        }
        if (++finishedLinks == 2) {
            close();
        }
    }

    /** Closes both sockets and frees what the toxics hold; callable from any thread. */
    void close() {
        if (!client.eventLoop().inEventLoop()) {
            client.eventLoop().execute(this::close);
            return;
        }
        if (closed) {
            return;
        }
        closed = true;
        if (up != null) {
            up.dispose();
            down.dispose();
        }
        if (httpRelay != null) {
            httpRelay.dispose();
        }
        early.release();
        client.close();
        if (upstream != null) {
            upstream.close();
        }
        proxy.closed(this);
    }

    /** Closes both sockets with a TCP RST instead of a FIN (SO_LINGER 0). */
    void reset() {
        for (Channel channel : upstream == null ? List.of(client) : List.of(client, upstream)) {
            if (channel.isOpen()) {
                channel.config().setOption(ChannelOption.SO_LINGER, 0);
            }
        }
        close();
    }

    /** What {@code GET /proxies/{name}/connections} shows; call on the event loop. */
    ConnectionInfo info() {
        return new ConnectionInfo(id, Addresses.print(client.remoteAddress()),
                upstream == null ? "" : Addresses.print(upstream.localAddress()), opened,
                up == null ? 0 : up.bytesIn(), down == null ? 0 : down.bytesIn(),
                up == null ? List.of() : up.activeToxics(), down == null ? List.of() : down.activeToxics());
    }

    Channel client() {
        return client;
    }
}

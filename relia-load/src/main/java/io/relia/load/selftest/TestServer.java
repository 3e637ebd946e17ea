package io.relia.load.selftest;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.relia.load.run.Transport;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small HTTP/1.1 server on 127.0.0.1 with known behaviour, to check the load generator against theory: it answers
 * {@code 200 ok} at once, except that it can stop the world for a set time (every response held until the pause
 * ends, like a long GC pause) and can limit its capacity with a token bucket (a request without a token gets
 * {@code 429}), which gives it a knee at a known rate.
 */
public final class TestServer implements AutoCloseable {
    private static final ByteBuf OK = Unpooled.unreleasableBuffer(
            Unpooled.copiedBuffer("ok\n", StandardCharsets.US_ASCII)).asReadOnly();

    private final EventLoopGroup group;
    private final Channel server;
    private final AtomicLong requests = new AtomicLong();
    private final TokenBucket bucket;
    private final boolean https;
    private volatile long pauseAfter = Long.MAX_VALUE;
    private volatile long pauseNanos;
    private volatile long pauseStart = Long.MAX_VALUE;

    private TestServer(double capacity, double burst, SslContext tls) throws InterruptedException {
        this.bucket = capacity > 0 ? new TokenBucket(capacity, burst) : null;
        this.https = tls != null;
        group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("relia-test-server", true),
                Transport.ioHandlers());
        server = new ServerBootstrap().group(group).channel(Transport.serverChannel())
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (tls != null) {
                            ch.pipeline().addLast(tls.newHandler(ch.alloc()));
                        }
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                                new Handler());
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    }

    /** A server that answers at once, without a capacity limit. */
    public static TestServer start() throws InterruptedException {
        return new TestServer(0, 0, null);
    }

    /** A server that speaks HTTPS with the given server TLS context. */
    public static TestServer startTls(SslContext tls) throws InterruptedException {
        return new TestServer(0, 0, tls);
    }

    /** A server that serves at most {@code rate} requests/s (bursts up to {@code burst}) and answers 429 above. */
    public static TestServer withCapacity(double rate, double burst) throws InterruptedException {
        if (!(rate > 0) || !(burst >= 1)) {
            throw new IllegalArgumentException("rate must be positive and burst at least 1");
        }
        return new TestServer(rate, burst, null);
    }

    /** Pauses every response for {@code pause} once the {@code afterRequests}-th request has arrived. */
    public void pauseAfter(long afterRequests, Duration pause) {
        pauseNanos = pause.toNanos();
        pauseAfter = afterRequests;
    }

    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** {@code http://127.0.0.1:PORT/} ({@code https} for a TLS server). */
    public String url() {
        return (https ? "https" : "http") + "://127.0.0.1:" + port() + "/";
    }

    /** Requests received so far. */
    public long requests() {
        return requests.get();
    }

    /** When the pause began ({@link System#nanoTime()}), or {@link Long#MAX_VALUE} if it has not. */
    public long pauseStartedAt() {
        return pauseStart;
    }

    @Override
    public void close() {
        server.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    private final class Handler extends SimpleChannelInboundHandler<HttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpRequest request) {
            long now = System.nanoTime();
            long n = requests.incrementAndGet();
            if (n == pauseAfter) {
                pauseStart = now;
            }
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            HttpResponseStatus status = bucket == null || bucket.tryTake(now)
                    ? HttpResponseStatus.OK : HttpResponseStatus.TOO_MANY_REQUESTS;
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, OK.duplicate());
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, OK.readableBytes());
            if (!keepAlive) {
                response.headers().set(HttpHeaderNames.CONNECTION, "close");
            }
            long releaseAt = pauseStart == Long.MAX_VALUE ? now : pauseStart + pauseNanos;
            if (releaseAt > now) {
                ctx.executor().schedule(() -> write(ctx, response, keepAlive), releaseAt - now,
                        TimeUnit.NANOSECONDS);
            } else {
                write(ctx, response, keepAlive);
            }
        }

        private void write(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
            if (keepAlive) {
                ctx.writeAndFlush(response, ctx.voidPromise());
            } else {
                ctx.writeAndFlush(response).addListener(f -> ctx.close());
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    /** A token bucket refilled continuously; used on the server's single event loop only. */
    private static final class TokenBucket {
        private final double ratePerNano;
        private final double burst;
        private double tokens;
        private long last = System.nanoTime();

        TokenBucket(double rate, double burst) {
            this.ratePerNano = rate / 1e9;
            this.burst = burst;
            this.tokens = burst;
        }

        boolean tryTake(long now) {
            tokens = Math.min(burst, tokens + (now - last) * ratePerNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}

package io.relia.chaos.proxy;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP server in front of {@link AdminApi}. Requests are handled one at a time on a thread of their own, so
 * an API call may wait for a listener to bind without stalling any proxied connection.
 */
final class AdminServer implements AutoCloseable {
    /** Largest request body accepted, bytes; bigger ones get 413. */
    static final int MAX_BODY_BYTES = 1024 * 1024;
    /** Idle keep-alive connections are closed after this many seconds, as Toxiproxy's server does. */
    static final int IDLE_SECONDS = 60;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, Transport.ioHandlers());
    /** One thread runs the API calls in arrival order; at most this many wait, the rest get 503. */
    private static final int MAX_QUEUED_REQUESTS = 1024;

    private final ThreadPoolExecutor handlers = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(MAX_QUEUED_REQUESTS), r -> {
                Thread thread = new Thread(r, "relia-chaos-api");
                thread.setDaemon(true);
                return thread;
            });
    private final AtomicLong requestIds = new AtomicLong();
    private final Channel channel;

    AdminServer(AdminApi api, InetSocketAddress address) throws IOException {
        ServerBootstrap bootstrap = new ServerBootstrap().group(group).channel(Transport.serverChannel())
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new IdleStateHandler(0, 0, IDLE_SECONDS) {
                            @Override
                            protected void channelIdle(ChannelHandlerContext ctx,
                                                       IdleStateEvent evt) {
                                ctx.close();
                            }
                        });
                        ch.pipeline().addLast(new HttpServerCodec());
                        ch.pipeline().addLast(new HttpServerKeepAliveHandler());
                        ch.pipeline().addLast(new HttpObjectAggregator(MAX_BODY_BYTES));
                        ch.pipeline().addLast(new Handler(api));
                    }
                });
        var bound = bootstrap.bind(address).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            close();
            Throwable cause = bound.cause();
            if (Addresses.inUse(cause)) {
                BindException e = new BindException("cannot listen on " + Addresses.print(address)
                        + ": address already in use");
                e.initCause(cause);
                throw e;
            }
            throw new IOException("cannot listen on " + Addresses.print(address) + ": " + cause, cause);
        }
        channel = bound.channel();
    }

    InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final AdminApi api;

        Handler(AdminApi api) {
            this.api = api;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            if (!request.decoderResult().isSuccess()) {
                ctx.writeAndFlush(response(AdminApi.Response.text(400, "400 Bad Request\n"), false))
                        .addListener(ChannelFutureListener.CLOSE);
                return;
            }
            String method = request.method().name();
            String uri = request.uri();
            String userAgent = request.headers().get(HttpHeaderNames.USER_AGENT);
            byte[] body = ByteBufUtil.getBytes(request.content());
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            try {
                handlers.execute(() -> ctx.writeAndFlush(response(answer(api, method, uri, userAgent, body),
                        keepAlive)));
            } catch (RejectedExecutionException e) {
                ctx.writeAndFlush(response(AdminApi.Response.text(503, "too many requests queued\n"), false))
                        .addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    /** A bug must not leave a client waiting: it is answered 500, as Toxiproxy answers unexpected errors. */
    private static AdminApi.Response answer(AdminApi api, String method, String uri, String userAgent, byte[] body) {
        try {
            return api.handle(method, uri, userAgent, body);
        } catch (RuntimeException | LinkageError e) {
            return AdminApi.Response.error(new ApiException(500, "internal error: " + e));
        }
    }

    private FullHttpResponse response(AdminApi.Response answer, boolean keepAlive) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(answer.body()));
        if (answer.contentType() != null) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, answer.contentType());
        }
        if (answer.contentType() != null && answer.contentType().startsWith("text/plain")) {
            response.headers().set("X-Content-Type-Options", "nosniff");
        }
        response.headers().set("X-Toxiproxy-Request-Id", Long.toHexString(requestIds.incrementAndGet()));
        HttpUtil.setContentLength(response, answer.body().length);
        HttpUtil.setKeepAlive(response, keepAlive);
        return response;
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        handlers.shutdown();
        try {
            handlers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

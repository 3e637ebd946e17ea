package io.relia.load.run;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;

import java.io.IOException;
import java.net.SocketException;
import javax.net.ssl.SSLException;

/**
 * One keep-alive connection of a worker: at most one request in flight (no pipelining). All methods run on the
 * worker's event loop.
 */
final class Connection extends ChannelInboundHandlerAdapter {
    private final Worker worker;
    private final ResponseParser parser = new ResponseParser();
    private Channel channel;
    private boolean busy;
    private boolean closing;
    private int template;
    private long intendedNanos;
    private long sentNanos;

    Connection(Worker worker) {
        this.worker = worker;
    }

    void send(int templateIndex, ByteBuf request, boolean head, long intended, long now) {
        busy = true;
        template = templateIndex;
        intendedNanos = intended;
        sentNanos = now;
        parser.expect(head);
        channel.writeAndFlush(request, channel.voidPromise());
    }

    ByteBufAllocator alloc() {
        return channel.alloc();
    }

    boolean busy() {
        return busy;
    }

    long sentNanos() {
        return sentNanos;
    }

    /** Gives up on the request in flight (timeout, abort) and closes the connection. */
    void abandon(ErrorKind kind) {
        if (busy) {
            busy = false;
            if (kind != null) {
                worker.failed(template, kind, intendedNanos);
            }
        }
        close();
    }

    void close() {
        closing = true;
        if (channel != null) {
            channel.close();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        worker.connected(this);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof SslHandshakeCompletionEvent handshake) {
            if (handshake.isSuccess()) {
                worker.handshaken(this);
            } else {
                worker.handshakeFailed(this, handshake.cause());
                close();
            }
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        try {
            if (!busy) {
                // Bytes nobody asked for (a 408 before closing, a misbehaving server): the connection is unusable.
                close();
                return;
            }
            boolean complete;
            try {
                complete = parser.feed(in);
            } catch (ResponseParser.ProtocolException e) {
                fail(ErrorKind.PROTOCOL);
                return;
            }
            if (complete) {
                busy = false;
                worker.completed(this, template, parser.status(), intendedNanos, sentNanos);
                if (parser.keepAlive() && !in.isReadable()) {
                    worker.idle(this);
                } else {
                    close();
                }
            }
        } finally {
            in.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (busy) {
            busy = false;
            if (parser.readsUntilClose()) {
                worker.completed(this, template, parser.status(), intendedNanos, sentNanos);
            } else {
                worker.failed(template, ErrorKind.CLOSED, intendedNanos);
            }
        }
        worker.disconnected(this, closing);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(kindOf(cause));
    }

    private void fail(ErrorKind kind) {
        if (busy) {
            busy = false;
            worker.failed(template, kind, intendedNanos);
        }
        close();
    }

    static ErrorKind kindOf(Throwable cause) {
        Throwable c = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (c instanceof SSLException) {
            return ErrorKind.TLS;
        }
        if (cause instanceof DecoderException) {
            return ErrorKind.PROTOCOL;
        }
        String message = String.valueOf(c.getMessage());
        if (c instanceof SocketException || c instanceof IOException) {
            return message.contains("reset") ? ErrorKind.RESET : ErrorKind.CLOSED;
        }
        return ErrorKind.CLOSED;
    }
}

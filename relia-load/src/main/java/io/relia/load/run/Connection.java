package io.relia.load.run;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;

import java.io.IOException;
import java.net.SocketException;
import javax.net.ssl.SSLException;

/**
 * One keep-alive connection of a worker: at most one request in flight (no pipelining). All methods run on the
 * worker's event loop.
 */
final class Connection extends ChannelInboundHandlerAdapter {
    private final Worker worker;
    private final ResponseDecoder decoder;
    private Channel channel;
    private boolean busy;
    private boolean closing;
    private int template;
    private long intendedNanos;
    private long sentNanos;
    private int status;
    private boolean keepAlive;

    Connection(Worker worker, ResponseDecoder decoder) {
        this.worker = worker;
        this.decoder = decoder;
    }

    void send(int templateIndex, byte[] request, boolean head, long intended, long now) {
        busy = true;
        template = templateIndex;
        intendedNanos = intended;
        sentNanos = now;
        status = 0;
        decoder.expectHead(head);
        channel.writeAndFlush(Unpooled.wrappedBuffer(request), channel.voidPromise());
    }

    ResponseDecoder decoderHandler() {
        return decoder;
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
                worker.failed(template, kind);
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
                worker.handshakeFailed();
                close();
            }
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof HttpResponse response) {
                if (response.decoderResult().isFailure()) {
                    fail(ErrorKind.PROTOCOL);
                    return;
                }
                status = response.status().code();
                keepAlive = HttpUtil.isKeepAlive(response);
            }
            if (msg instanceof LastHttpContent last && busy && status >= 200) {
                if (last.decoderResult().isFailure()) {
                    fail(ErrorKind.PROTOCOL);
                    return;
                }
                busy = false;
                worker.completed(this, template, status, intendedNanos, sentNanos);
                if (!keepAlive) {
                    close();
                } else {
                    worker.idle(this);
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (busy) {
            busy = false;
            worker.failed(template, ErrorKind.CLOSED);
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
            worker.failed(template, kind);
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

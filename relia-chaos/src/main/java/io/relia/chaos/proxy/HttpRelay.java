package io.relia.chaos.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP/1.1 side of a connection through an {@code http} proxy: requests are decoded, HTTP toxics decide per
 * request (toxicity rolled for each one) whether to answer it with an injected status, hold it, or cut its
 * response short, and everything else is forwarded as is. One request is in flight at a time: the client is read
 * again once the response to the previous request has been written, so injected answers never overtake it.
 */
final class HttpRelay {
    private final ProxyConnection connection;
    private final Channel client;
    private final Channel upstream;
    /** The request being answered by an http_status toxic: its body is dropped, it never reaches the server. */
    private boolean swallowing;
    /** nanoTime before which this request's messages may not leave, or 0. */
    private long holdUntil;
    private final ArrayDeque<Object> held = new ArrayDeque<>();
    private ScheduledFuture<?> release;
    /** Body bytes of the current response still to forward before cutting it, or -1 for no cut. */
    private long abortAfter = -1;
    private long abortPlanned = -1;
    /** The client half-closed: the upstream is half-closed once nothing is held any more. */
    private boolean clientEnded;
    /** A request was read whole and its response is not written yet: the next request waits. */
    private boolean awaitingResponse;

    HttpRelay(ProxyConnection connection, Channel client, Channel upstream) {
        this.connection = connection;
        this.client = client;
        this.upstream = upstream;
    }

    void fromClient(Object message) {
        if (message instanceof HttpRequest request) {
            startRequest(request);
        }
        boolean last = message instanceof LastHttpContent;
        if (swallowing) {
            ReferenceCountUtil.release(message);
            if (last) {
                swallowing = false;
            }
            return;
        }
        if (last) {
            // The request is complete: read the next one only once its response has been written.
            awaitingResponse = true;
        }
        long wait = holdUntil - System.nanoTime();
        if (held.isEmpty() && wait <= 0) {
            forward(message);
            updateClientReading();
            return;
        }
        held.add(message);
        updateClientReading();
        if (release == null) {
            release = client.eventLoop().schedule(this::releaseHeld, Math.max(0, wait), TimeUnit.NANOSECONDS);
        }
    }

    private void releaseHeld() {
        release = null;
        while (!held.isEmpty()) {
            forward(held.poll());
        }
        updateClientReading();
        if (clientEnded) {
            endUpstream();
        }
    }

    /**
     * Reads the client only when it may send (no response awaited), the upstream takes what is written and no
     * request is held by http_latency: what is not read waits in the socket, not in memory.
     */
    private void updateClientReading() {
        ProxyConnection.setReading(client, !awaitingResponse && held.isEmpty() && upstream.isWritable());
    }

    /**
     * One side's socket took or refused more: reading the other side follows, so a client slower than its server
     * leaves the rest of a response in the server's socket, not in memory.
     */
    void writabilityChanged(boolean clientSide) {
        if (clientSide) {
            ProxyConnection.setReading(upstream, client.isWritable());
        } else {
            updateClientReading();
        }
    }

    /**
     * A side finished sending. The client's end is passed on as a half-close once the messages an http_latency
     * toxic holds have been forwarded; the server's ends the connection once everything before it is written.
     */
    void inputEnded(boolean clientSide) {
        if (clientSide && upstream.isActive()) {
            clientEnded = true;
            if (held.isEmpty()) {
                endUpstream();
            }
        } else {
            client.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener((ChannelFutureListener) f -> connection.close());
        }
    }

    /** Half-closes the upstream after the writes queued before it: shutdownOutput would fail those. */
    private void endUpstream() {
        upstream.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener((ChannelFutureListener) f -> {
            if (upstream.isActive()) {
                ((DuplexChannel) upstream).shutdownOutput();
            }
        });
    }

    /** Frees what an http_latency toxic still holds; the connection is closing. */
    void dispose() {
        if (release != null) {
            release.cancel(false);
        }
        held.forEach(ReferenceCountUtil::release);
        held.clear();
    }

    private void forward(Object message) {
        if (!upstream.isActive()) {
            ReferenceCountUtil.release(message);
            return;
        }
        upstream.writeAndFlush(message, upstream.voidPromise());
    }

    private void startRequest(HttpRequest request) {
        holdUntil = 0;
        abortPlanned = -1;
        List<Toxic> toxics = connection.toxics();
        for (Toxic toxic : toxics) {
            ToxicSpec spec = toxic.spec();
            if (!spec.type().isHttp() || !hits(toxic)) {
                continue;
            }
            connection.activated(toxic);
            switch (spec.type()) {
                case HTTP_STATUS -> {
                    swallowing = true;
                    answer(request, (int) spec.integer("status"), toxic.name());
                    return;
                }
                case HTTP_LATENCY -> {
                    long jitter = TimeUnit.MILLISECONDS.toNanos(spec.integer("jitter"));
                    long delay = TimeUnit.MILLISECONDS.toNanos(spec.integer("latency"))
                            + (jitter > 0 ? ThreadLocalRandom.current().nextLong(-jitter, jitter) : 0);
                    holdUntil = Math.max(holdUntil, System.nanoTime() + Math.max(0, delay));
                }
                case HTTP_ABORT -> abortPlanned = spec.integer("bytes");
                default -> throw new IllegalStateException("not an http toxic: " + spec.type());
            }
        }
    }

    private boolean hits(Toxic toxic) {
        ToxicSpec spec = toxic.spec();
        double toxicity = spec.toxicity();
        boolean rolled = toxicity >= 1.0 || toxicity > 0.0 && ThreadLocalRandom.current().nextDouble() < toxicity;
        return rolled && spec.scope().activeAt(Instant.now())
                && spec.scope().matchesConnection(connection.ordinal(toxic), connection.clientAddress());
    }

    private void answer(HttpRequest request, int status, String toxicName) {
        byte[] body = ("{\"error\":\"injected by relia chaos toxic " + toxicName + "\",\"status\":" + status + "}\n")
                .getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        response.headers().set("X-Relia-Chaos-Toxic", toxicName);
        HttpUtil.setContentLength(response, body.length);
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpUtil.setKeepAlive(response, keepAlive);
        client.writeAndFlush(response).addListener((ChannelFutureListener) f -> {
            if (!keepAlive) {
                connection.close();
            }
        });
    }

    void fromUpstream(Object message) {
        if (message instanceof HttpResponse) {
            abortAfter = abortPlanned;
        }
        if (abortAfter >= 0 && message instanceof HttpContent content) {
            ByteBuf data = content.content();
            if (data.readableBytes() >= abortAfter) {
                ByteBuf head = data.retainedSlice(data.readerIndex(), (int) abortAfter);
                content.release();
                client.writeAndFlush(head).addListener((ChannelFutureListener) f -> connection.close());
                abortAfter = -1;
                return;
            }
            abortAfter -= data.readableBytes();
        }
        boolean last = message instanceof LastHttpContent;
        if (abortAfter >= 0 && message instanceof HttpResponse response) {
            // The cut must look like a dropped connection, not a finished message: no chunked trailer, no length.
            response.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
        }
        client.writeAndFlush(message).addListener((ChannelFutureListener) f -> {
            if (last) {
                awaitingResponse = false;
                updateClientReading();
            }
        });
    }
}

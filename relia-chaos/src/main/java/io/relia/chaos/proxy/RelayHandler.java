package io.relia.chaos.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.util.ReferenceCountUtil;

/** Feeds what one side of a proxied connection sends into the link for its direction. */
final class RelayHandler extends ChannelInboundHandlerAdapter {
    private final ProxyConnection connection;
    /** The stream this side's bytes travel on: upstream for the client's socket, downstream for the server's. */
    private final Stream reads;

    RelayHandler(ProxyConnection connection, Stream reads) {
        this.connection = connection;
        this.reads = reads;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (reads == Stream.UPSTREAM && connection.heldEarly(msg)) {
            return;
        }
        Link link = connection.link(reads);
        if (link == null || !(msg instanceof ByteBuf data)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        link.read(data);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof ChannelInputShutdownEvent && !(reads == Stream.UPSTREAM && connection.endedEarly())) {
            Link link = connection.link(reads);
            if (link != null) {
                link.sourceEnded();
            }
        }
        ReferenceCountUtil.release(event);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        Link writer = connection.link(reads == Stream.UPSTREAM ? Stream.DOWNSTREAM : Stream.UPSTREAM);
        if (writer != null) {
            writer.gate();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        connection.close();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A reset or broken pipe on either side ends the whole connection, as it does in Toxiproxy.
        connection.close();
    }
}

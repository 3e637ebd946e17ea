package io.relia.chaos.proxy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.util.ReferenceCountUtil;

/** Feeds decoded HTTP messages of one side of an {@code http} proxy's connection into its {@link HttpRelay}. */
final class HttpRelayHandler extends ChannelInboundHandlerAdapter {
    private final ProxyConnection connection;
    private final boolean clientSide;

    HttpRelayHandler(ProxyConnection connection, boolean clientSide) {
        this.connection = connection;
        this.clientSide = clientSide;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (clientSide && connection.heldEarly(msg)) {
            return;
        }
        HttpRelay relay = connection.httpRelay();
        if (relay == null) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (clientSide) {
            relay.fromClient(msg);
        } else {
            relay.fromUpstream(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof ChannelInputShutdownEvent && !(clientSide && connection.endedEarly())) {
            HttpRelay relay = connection.httpRelay();
            if (relay != null) {
                relay.inputEnded(clientSide);
            } else {
                connection.close();
            }
        }
        ReferenceCountUtil.release(event);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        HttpRelay relay = connection.httpRelay();
        if (relay != null) {
            relay.writabilityChanged(clientSide);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        connection.close();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        connection.close();
    }
}

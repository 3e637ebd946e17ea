package io.relia.chaos.proxy;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;

/** The end of a link's chain: writes data to the destination, passes half-closes and closes on. */
final class Sink extends Stage {
    private final Channel destination;

    Sink(Link link, Channel destination) {
        super(link, null);
        this.destination = destination;
    }

    @Override
    void accept(Chunk chunk) {
        switch (chunk.kind) {
            case DATA -> {
                if (!destination.isActive()) {
                    link.discard(chunk);
                    return;
                }
                int size = chunk.size();
                destination.writeAndFlush(chunk.data, destination.voidPromise());
                link.written(size);
            }
            // Netty's shutdownOutput and close fail the writes still queued in the channel: the end is passed on
            // only once everything written before it has reached the socket, as TCP sends a FIN after the data.
            case EOF -> destination.writeAndFlush(Unpooled.EMPTY_BUFFER)
                    .addListener((ChannelFutureListener) f -> link.connection().sourceFinished(link, destination));
            case CLOSE -> destination.writeAndFlush(Unpooled.EMPTY_BUFFER)
                    .addListener((ChannelFutureListener) f -> link.connection().close());
        }
    }
}

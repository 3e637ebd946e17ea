package corpus.blocking.nettywrite;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;

/** Netty futures that wait on a peer or on back-pressure: a held write, or a bind future's variable reused. */
final class FrameSender {
    void send(Channel channel, Object frame) throws InterruptedException {
        ChannelFuture written = channel.writeAndFlush(frame);
        written.sync(); // expect: java/blocking-without-deadline
    }

    void bindThenGreet(ServerBootstrap bootstrap, Channel peer) throws InterruptedException {
        ChannelFuture step = bootstrap.bind(8080);
        step = peer.writeAndFlush("hello");
        step.await(); // expect: java/blocking-without-deadline
    }
}

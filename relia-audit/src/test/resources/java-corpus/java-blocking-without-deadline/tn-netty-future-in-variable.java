package corpus.blocking.nettyvars;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;

import java.net.InetSocketAddress;

/**
 * The same Netty futures the chained form waits on (bootstrap.bind(addr).sync()), held in a local first: a bind
 * succeeds or fails at once, a connect fails after CONNECT_TIMEOUT_MILLIS, a close needs no peer.
 */
final class EdgeListener {
    Channel listen(ServerBootstrap bootstrap, InetSocketAddress address) throws InterruptedException {
        ChannelFuture binding = bootstrap.bind(address);
        return binding.sync().channel();
    }

    Channel dial(Bootstrap bootstrap, String host, int port) {
        ChannelFuture dialing = bootstrap.connect(host, port);
        dialing.syncUninterruptibly();
        return dialing.channel();
    }

    void hangUp(Channel channel) throws InterruptedException {
        ChannelFuture closing = channel.close();
        closing.await();
    }
}

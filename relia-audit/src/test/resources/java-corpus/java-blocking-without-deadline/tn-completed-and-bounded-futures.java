package corpus.blocking.completed;

import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import org.springframework.scheduling.annotation.AsyncResult;

import java.util.concurrent.ExecutionException;

class Completed {
    // AsyncResult holds a value from the start: its get() returns at once.
    String ready() throws InterruptedException, ExecutionException {
        AsyncResult<String> result = new AsyncResult<>("done");
        return result.get();
    }

    // A server's main thread waits for its channel to close by design; graceful shutdown has its own timeout.
    void serveUntilClosed(ChannelFuture bound, EventLoopGroup group) throws InterruptedException {
        bound.channel().closeFuture().sync();
        group.shutdownGracefully().syncUninterruptibly();
    }

    void shutDown(NioSocketChannel channel) throws InterruptedException {
        ChannelFuture closing = channel.close();
        closing.await(5_000);
    }
}

package corpus.blocking.libraries;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.netty.channel.ChannelFuture;
import reactor.core.publisher.Mono;

import java.util.concurrent.ExecutionException;

class Publisher {
    private final RedisAsyncCommands<String, String> redis;

    Publisher(RedisAsyncCommands<String, String> redis) {
        this.redis = redis;
    }

    // Lettuce times out async commands only when TimeoutOptions are on (the default only since 6.5).
    String cached(String key) throws InterruptedException, ExecutionException {
        RedisFuture<String> value = redis.get(key);
        return value.get(); // expect: java/blocking-without-deadline
    }

    String profile(Mono<String> profile) {
        return profile.block(); // expect: java/blocking-without-deadline
    }

    void flush(ChannelFuture written) {
        written.syncUninterruptibly(); // expect: java/blocking-without-deadline
    }
}

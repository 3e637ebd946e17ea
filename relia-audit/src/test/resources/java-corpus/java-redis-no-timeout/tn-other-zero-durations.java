import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import reactor.core.publisher.Mono;

class CacheWarmup {
    private final RedisClient client;

    CacheWarmup(RedisClient client) {
        this.client = client;
    }

    Mono<String> warm(String key) {
        StatefulRedisConnection<String, String> connection = client.connect();
        connection.setTimeout(Duration.ofSeconds(3));
        return connection.reactive().get(key)
                .delaySubscription(Duration.ZERO)
                .timeout(Duration.ofSeconds(2));
    }
}

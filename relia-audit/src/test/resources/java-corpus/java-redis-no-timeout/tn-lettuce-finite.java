import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import java.time.Duration;

class RedisConfig {
    RedisClient redisClient(String host) {
        RedisURI uri = RedisURI.Builder.redis(host, 6379)
                .withDatabase(0)
                .withTimeout(Duration.ofSeconds(2))
                .build();
        RedisClient client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(1)).build())
                .timeoutOptions(TimeoutOptions.enabled())
                .build());
        return client;
    }
}

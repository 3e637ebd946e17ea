import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;

class LettuceFactory {
    StatefulRedisConnection<String, String> connect(String host) {
        RedisURI uri = RedisURI.builder()
                .withHost(host)
                .withPort(6379)
                .withTimeout(Duration.ZERO) // expect: java/redis-no-timeout
                .build();
        return RedisClient.create(uri).connect();
    }
}

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPooled;

class StreamsReader {
    JedisPooled connect(String host) {
        JedisClientConfig config = DefaultJedisClientConfig.builder()
                .database(0)
                .socketTimeoutMillis(2_000)
                .blockingSocketTimeoutMillis(0)
                .build();
        return new JedisPooled(new HostAndPort(host, 6379), config);
    }
}

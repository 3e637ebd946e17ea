import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPooled;

class FeatureFlags {
    private final JedisPooled redis;

    FeatureFlags(String host, String password) {
        JedisClientConfig config = DefaultJedisClientConfig.builder()
                .password(password)
                .connectionTimeoutMillis(1_000)
                .socketTimeoutMillis(0) // expect: java/redis-no-timeout
                .build();
        this.redis = new JedisPooled(new HostAndPort(host, 6379), config);
    }

    boolean enabled(String flag) {
        return "on".equals(redis.get("flag:" + flag));
    }
}

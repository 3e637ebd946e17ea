import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

final class CachePools {
    static JedisPool rateLimits(String host, String password) {
        JedisPoolConfig poolConfig = new JedisPoolConfig();
        poolConfig.setMaxTotal(64);
        poolConfig.setMaxWait(java.time.Duration.ofMillis(200));
        return new JedisPool(poolConfig, host, 6379, 0, password); // expect: java/redis-no-timeout
    }

    static JedisPool leaderboard(JedisPoolConfig poolConfig, String host) {
        return new JedisPool(poolConfig, host, 6379, 2000, 0, null, 0, "leaderboard"); // expect: java/redis-no-timeout
    }
}

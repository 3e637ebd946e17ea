import java.net.URI;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

final class Caches {
    private static final int TIMEOUT_MS = 1_500;

    static JedisPool sessions(JedisPoolConfig poolConfig, String host, String password) {
        // database 0 is the default database, not a timeout
        return new JedisPool(poolConfig, host, 6379, TIMEOUT_MS, password, 0);
    }

    static JedisPool fromUri(String url) {
        return new JedisPool(URI.create(url), 2_000);
    }

    static String ping(String host) {
        try (Jedis jedis = new Jedis(host, 6379)) {
            return jedis.ping();
        }
    }
}

import java.util.Set;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisCluster;

class ClusterCache {
    private final JedisCluster cluster = new JedisCluster(Set.of(new HostAndPort("cache-0", 7000),
            new HostAndPort("cache-1", 7000)), 0, 5); // expect: java/redis-no-timeout

    String get(String key) {
        return cluster.get(key);
    }
}

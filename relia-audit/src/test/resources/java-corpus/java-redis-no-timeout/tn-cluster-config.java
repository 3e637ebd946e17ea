import java.time.Duration;
import java.util.Set;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisCluster;

class ClusterFactory {
    JedisCluster cluster(Set<HostAndPort> nodes) {
        return new JedisCluster(nodes, DefaultJedisClientConfig.builder().timeoutMillis(1_000).build(), 3,
                Duration.ofSeconds(5));
    }

    JedisCluster legacy(Set<HostAndPort> nodes) {
        return new JedisCluster(nodes, 2_000, 3);
    }
}

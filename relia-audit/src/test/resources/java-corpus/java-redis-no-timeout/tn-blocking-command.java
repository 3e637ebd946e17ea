import java.util.List;
import redis.clients.jedis.JedisPooled;

class JobWorker implements Runnable {
    private final JedisPooled redis;
    private volatile boolean running = true;

    JobWorker(JedisPooled redis) {
        this.redis = redis;
    }

    @Override
    public void run() {
        while (running) {
            // BLPOP with 0 waits for the next job on purpose; the connection's own socket timeout still applies
            List<String> job = redis.blpop(0, "jobs");
            handle(job.get(1));
        }
    }

    void stop() {
        running = false;
    }

    private void handle(String payload) {
        System.out.println(payload);
    }
}

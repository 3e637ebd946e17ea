import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

// A dispatcher thread that scans its table and hands work to a pool. Nothing in the loop waits, so the loop spins
// hot, and when dispatch() keeps failing (the pool rejects, the table is broken) it spins logging errors.
class Dispatcher extends Thread {
    private static final org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger(Dispatcher.class);
    private final Map<String, Runnable> pending = new ConcurrentHashMap<>();
    private final ExecutorService pool;
    private volatile boolean running = true;

    Dispatcher(ExecutorService pool) {
        this.pool = pool;
    }

    @Override
    public void run() {
        while (running) { // expect: java/retry-without-backoff
            try {
                dispatch();
            } catch (RuntimeException e) {
                logger.error("dispatch failed", e);
            }
        }
    }

    private void dispatch() {
        for (Map.Entry<String, Runnable> entry : pending.entrySet()) {
            pool.submit(entry.getValue());
            pending.remove(entry.getKey());
        }
    }
}

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

// Saving a local cache file retries a few times at a fixed short delay when the file lock is taken, then gives up:
// a bounded handful of attempts against a local resource, not a storm against a dependency.
class CacheSaver {
    private static final int MAX_SAVE_ATTEMPTS = 3;
    private static final long SAVE_RETRY_MS = 100;
    private final ScheduledExecutorService executor;
    private final AtomicInteger attempts = new AtomicInteger();

    CacheSaver(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    void save(long version) {
        try {
            write(version);
            attempts.set(0);
        } catch (IllegalStateException e) {
            if (attempts.incrementAndGet() >= MAX_SAVE_ATTEMPTS) {
                attempts.set(0);
                return;
            }
            executor.schedule(() -> save(version), SAVE_RETRY_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void write(long version) {
    }
}

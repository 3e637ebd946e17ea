import java.util.concurrent.Callable;

// A herder-style retry: on error the task is queued again after a fixed delay, with no attempt count and no growth.
abstract class Reconfigurer {
    private static final long RETRY_BACKOFF_MS = 250;

    abstract void reconfigure(String name, Completion done);

    abstract void addRequest(long delayMs, Callable<Void> action);

    interface Completion {
        void complete(Throwable error, Object result);
    }

    void reconfigureWithRetry(String name) {
        reconfigure(name, (error, result) -> {
            if (error != null) {
                addRequest(RETRY_BACKOFF_MS, () -> { // expect: java/retry-without-backoff
                    reconfigureWithRetry(name);
                    return null;
                });
            }
        });
    }
}

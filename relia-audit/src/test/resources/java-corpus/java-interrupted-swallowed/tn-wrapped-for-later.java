import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

class Startup {
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    void awaitStart(CountDownLatch started) {
        try {
            started.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            failure.compareAndSet(null, new InterruptedRuntimeException("interrupted while starting", e));
        }
        RuntimeException error = failure.get();
        if (error != null) {
            throw error;
        }
    }
}

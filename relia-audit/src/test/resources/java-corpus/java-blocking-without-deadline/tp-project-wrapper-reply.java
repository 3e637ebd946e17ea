package corpus.blocking.wrapper;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A reply that a network thread completes; callers wait for it. */
final class PendingReply {
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile String body;

    void complete(String value) {
        body = value;
        done.countDown();
    }

    String await() throws InterruptedException {
        done.await();
        return body;
    }

    String await(long timeout, TimeUnit unit) throws InterruptedException {
        return done.await(timeout, unit) ? body : null;
    }
}

package corpus.blocking.timedwrapper;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A wrapper whose only wait is bounded by the timeout it is given; its callers pass one. */
final class Handshake {
    private final CountDownLatch done = new CountDownLatch(1);

    void complete() {
        done.countDown();
    }

    boolean await(long timeoutMillis) throws InterruptedException {
        return done.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    boolean awaitDefault() throws InterruptedException {
        return await(3_000);
    }
}

final class Connector {
    boolean connect(Handshake handshake) throws InterruptedException {
        return handshake.awaitDefault();
    }
}

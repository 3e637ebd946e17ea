package corpus.blocking.stopjoin;

import java.util.concurrent.CountDownLatch;

/**
 * Like a server main, but the waits are in a stop() anyone may call (a request handler, a test, a container): a
 * worker that never ends hangs the caller.
 */
public final class RelayServer {
    private final CountDownLatch drained = new CountDownLatch(1);
    private final Thread worker = new Thread(drained::countDown);

    public static void main(String[] args) {
        new RelayServer().worker.start();
    }

    public void stop() throws InterruptedException {
        worker.interrupt();
        drained.await(); // expect: java/blocking-without-deadline
        worker.join(); // expect: java/blocking-without-deadline
    }
}

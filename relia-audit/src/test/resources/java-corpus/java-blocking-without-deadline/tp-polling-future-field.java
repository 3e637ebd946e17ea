package corpus.blocking.polling;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A hand-written future whose untimed get() polls its latch once a second until the bridge is stopped: each wait is
 * bounded, the loop is not, so a peer that never answers holds the caller until someone stops the bridge.
 */
final class PeerBridge {
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final PendingHello remoteHello = new PendingHello(stopped);

    void start() throws InterruptedException, ExecutionException {
        String hello = remoteHello.get(); // expect: java/blocking-without-deadline
        connect(hello);
    }

    void startWithin(long millis) throws InterruptedException, ExecutionException, TimeoutException {
        connect(remoteHello.get(millis, TimeUnit.MILLISECONDS));
    }

    private void connect(String hello) {
        stopped.set(hello == null);
    }

    private static final class PendingHello implements Future<String> {
        private final CountDownLatch arrived = new CountDownLatch(1);
        private final AtomicBoolean stopped;
        private volatile String hello;

        PendingHello(AtomicBoolean stopped) {
            this.stopped = stopped;
        }

        void complete(String value) {
            hello = value;
            arrived.countDown();
        }

        @Override
        public String get() throws InterruptedException {
            while (!stopped.get()) {
                if (arrived.await(1, TimeUnit.SECONDS)) {
                    break;
                }
            }
            return hello;
        }

        @Override
        public String get(long timeout, TimeUnit unit) throws InterruptedException, TimeoutException {
            if (!arrived.await(timeout, unit)) {
                throw new TimeoutException();
            }
            return hello;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return hello != null;
        }
    }
}

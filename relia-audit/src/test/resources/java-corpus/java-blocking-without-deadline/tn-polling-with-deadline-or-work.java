package corpus.blocking.polling;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Loops of timed waits that end: one checks a deadline on the clock, one counts its attempts. Their callers wait a
 * bounded time.
 */
final class ReadyGate {
    private static final long LIMIT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private final CountDownLatch ready = new CountDownLatch(1);

    boolean await() throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT_NANOS;
        while (System.nanoTime() < deadline) {
            if (ready.await(100, TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
        return false;
    }

    boolean join() throws InterruptedException {
        int attempts = 0;
        while (attempts++ < 10) {
            if (ready.await(1, TimeUnit.SECONDS)) {
                return true;
            }
        }
        return false;
    }

    void open() {
        ready.countDown();
    }
}

final class GateUser {
    boolean enter(ReadyGate gate) throws InterruptedException {
        return gate.await() && gate.join();
    }
}

/** A flag polled with sleeps while another thread of this process rolls the log file over: local work, no peer. */
final class RollingLog {
    private final java.util.concurrent.atomic.AtomicBoolean rolling = new java.util.concurrent.atomic.AtomicBoolean();

    void awaitRollFinished() {
        while (rolling.get()) {
            try {
                Thread.sleep(1L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    void append(String line) {
        awaitRollFinished();
        rolling.set(line.isEmpty());
    }
}

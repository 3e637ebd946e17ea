package corpus.blocking.monitor;

final class Termination {
    private final Object lock = new Object();
    private boolean terminated;

    void awaitTermination() throws InterruptedException {
        synchronized (lock) {
            while (!terminated) {
                lock.wait(); // expect: java/blocking-without-deadline
            }
        }
    }
}

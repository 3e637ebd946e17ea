class Handshake {
    private final Object lock = new Object();
    private boolean ready;

    private void awaitReady() throws InterruptedException {
        synchronized (lock) {
            while (!ready) {
                lock.wait(100);
            }
        }
    }

    boolean start() {
        try {
            awaitReady(); // expect: java/blocking-without-deadline
            return true;
        } catch (Exception e) { // expect: java/interrupted-swallowed
            return false;
        }
    }
}

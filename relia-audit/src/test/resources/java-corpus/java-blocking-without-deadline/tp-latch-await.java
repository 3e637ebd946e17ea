import java.util.concurrent.CountDownLatch;

class Startup {
    private final CountDownLatch ready = new CountDownLatch(1);

    void awaitReady() throws InterruptedException {
        ready.await(); // expect: java/blocking-without-deadline
    }
}

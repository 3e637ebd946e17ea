import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;

class Announcer {
    void announceWhenReady(ExecutorService executor, CountDownLatch ready) {
        executor.execute(() -> {
            try {
                ready.await(); // expect: java/blocking-without-deadline
                System.out.println("ready");
            } catch (InterruptedException e) {
                System.err.println("gave up waiting");
            }
        });
    }

    static final class Reaper extends Thread {
        @Override
        public void run() {
            try {
                Thread.sleep(60_000);
                System.gc();
            } catch (InterruptedException e) {
                System.err.println("reaper stopped");
            }
        }
    }
}

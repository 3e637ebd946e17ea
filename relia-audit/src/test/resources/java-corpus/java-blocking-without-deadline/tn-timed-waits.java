import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

class Timed {
    boolean run(CountDownLatch latch, BlockingQueue<String> queue, Semaphore permits, Thread worker)
            throws InterruptedException {
        worker.join(1_000);
        String item = queue.poll(1, TimeUnit.SECONDS);
        boolean acquired = permits.tryAcquire(1, TimeUnit.SECONDS);
        return latch.await(5, TimeUnit.SECONDS) && item != null && acquired;
    }
}

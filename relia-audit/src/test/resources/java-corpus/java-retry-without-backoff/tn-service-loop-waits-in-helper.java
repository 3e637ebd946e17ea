import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

// The same shape as a busy service loop, but the helper blocks on the queue for up to a second: after a failure
// the next round waits for work, so the loop never spins.
class Drainer extends Thread {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger("drainer");
    private final BlockingQueue<Runnable> work;
    private volatile boolean running = true;

    Drainer(BlockingQueue<Runnable> work) {
        this.work = work;
    }

    @Override
    public void run() {
        while (running) {
            try {
                drainOnce();
            } catch (RuntimeException e) {
                LOG.warning("task failed: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void drainOnce() throws InterruptedException {
        Runnable next = work.poll(1, TimeUnit.SECONDS);
        if (next != null) {
            next.run();
        }
    }
}

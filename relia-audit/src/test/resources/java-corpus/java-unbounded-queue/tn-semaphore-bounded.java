import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;

class Throttled {
    private final Semaphore slots = new Semaphore(500);
    private final Queue<Runnable> work = new ConcurrentLinkedQueue<>();

    // a permit per queued item bounds the queue at 500
    public boolean submit(Runnable task) {
        if (!slots.tryAcquire()) {
            return false;
        }
        return work.offer(task);
    }

    void runOne() {
        Runnable task = work.poll();
        if (task != null) {
            slots.release();
            task.run();
        }
    }
}

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Queues built in the constructor or by a helper method of the class are traced there. */
class IndexWorkers {
    private final BlockingQueue<Runnable> pending;
    private final ThreadPoolExecutor indexers;
    private final ThreadPoolExecutor mergers;

    IndexWorkers(int threads) {
        this.pending = new LinkedBlockingQueue<>(Integer.MAX_VALUE); // expect: java/unbounded-executor
        this.indexers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, this.pending);
        this.mergers = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, byPriority());
    }

    private static BlockingQueue<Runnable> byPriority() {
        return new PriorityBlockingQueue<>(64); // expect: java/unbounded-executor
    }
}

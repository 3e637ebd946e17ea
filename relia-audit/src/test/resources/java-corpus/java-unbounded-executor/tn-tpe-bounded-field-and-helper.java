import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Queues kept apart from the pool but given a capacity (a constant, a constructor argument), and a hand-off queue
 * whose pool is bounded by its maximum size: none grows without limit.
 */
class BoundedWorkers {
    private static final int BACKLOG = 10_000;
    private final BlockingQueue<Runnable> backlog = new LinkedBlockingQueue<>(BACKLOG);
    private final BlockingQueue<Runnable> sized;
    private final ThreadPoolExecutor first;
    private final ThreadPoolExecutor second;
    private final ThreadPoolExecutor third;
    private final ThreadPoolExecutor fourth;

    BoundedWorkers(int capacity) {
        this.sized = new LinkedBlockingQueue<>(capacity);
        this.first = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, backlog);
        this.second = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, this.sized);
        this.third = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, handOff(),
                new ThreadPoolExecutor.CallerRunsPolicy());
        this.fourth = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, ring(capacity));
    }

    private static BlockingQueue<Runnable> handOff() {
        return new SynchronousQueue<>();
    }

    private static BlockingQueue<Runnable> ring(int capacity) {
        return new ArrayBlockingQueue<>(capacity);
    }
}

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

class Workers {
    // the executor owns the queue: java/unbounded-executor reports it, once, where it is built
    private final BlockingQueue<Runnable> backlog = new LinkedBlockingQueue<>(); // expect: java/unbounded-executor
    private final ExecutorService pool = new ThreadPoolExecutor(4, 4, 0, TimeUnit.SECONDS, backlog);

    public void later(Runnable task) {
        backlog.add(task);
    }

    void stop() {
        pool.shutdown();
    }
}

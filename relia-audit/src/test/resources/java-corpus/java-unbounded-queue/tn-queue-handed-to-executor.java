import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

class Workers {
    private final BlockingQueue<Runnable> backlog = new LinkedBlockingQueue<>();
    // the executor owns the queue: java/unbounded-executor reports it, once
    private final ExecutorService pool = new ThreadPoolExecutor(4, 4, 0, TimeUnit.SECONDS, backlog); // expect: java/unbounded-executor

    public void later(Runnable task) {
        backlog.add(task);
    }

    void stop() {
        pool.shutdown();
    }
}

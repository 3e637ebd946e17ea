import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** A factory keeping the pool settings in fields: the work queue field has no capacity. */
class PoolSettings {
    private int core = 4;
    private int max = 16;
    private BlockingQueue<Runnable> backlog = new LinkedBlockingDeque<>(); // expect: java/unbounded-executor
    private RejectedExecutionHandler whenFull = new ThreadPoolExecutor.CallerRunsPolicy();

    ExecutorService build() {
        return new ThreadPoolExecutor(core, max, 60, TimeUnit.SECONDS, backlog, whenFull);
    }

    ExecutorService buildAnother() {
        return new ThreadPoolExecutor(core, max, 60, TimeUnit.SECONDS, this.backlog, whenFull);
    }
}

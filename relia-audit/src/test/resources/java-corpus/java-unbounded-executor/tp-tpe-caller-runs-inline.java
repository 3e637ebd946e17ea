import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** A caller-runs policy looks like back-pressure, but with no queue capacity the pool never rejects anything. */
class ReportRenderer {
    private final ExecutorService renderers = new ThreadPoolExecutor(
            8,
            32,
            30L,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), // expect: java/unbounded-executor
            new ThreadPoolExecutor.CallerRunsPolicy());

    void render(Runnable job) {
        renderers.execute(job);
    }
}

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

// Pools fed per item or per call: every submission past the pool size waits in the unbounded queue.
class Dispatcher {
    private final ExecutorService shared = Executors.newFixedThreadPool(4); // expect: java/unbounded-executor

    void dispatch(List<Runnable> jobs) {
        ExecutorService pool = Executors.newFixedThreadPool(4); // expect: java/unbounded-executor
        for (Runnable job : jobs) {
            pool.execute(job);
        }
    }

    void handle(Runnable request) {
        shared.submit(request);
    }

    void fanOut(int threads, int tasks, Runnable task) {
        ExecutorService pool = Executors.newFixedThreadPool(threads); // expect: java/unbounded-executor
        for (int i = 0; i < tasks; i++) {
            pool.execute(task);
        }
    }
}

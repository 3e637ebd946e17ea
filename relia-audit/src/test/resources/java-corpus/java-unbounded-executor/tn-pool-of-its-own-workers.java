import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

// A pool started once with exactly one long-running consumer per thread: n submissions for n threads, so the
// pool's queue never holds a task, however long the consumers run.
class ConsumerGroup {
    private final int streams;
    private final List<Runnable> workers = new ArrayList<>();

    ConsumerGroup(int streams) {
        this.streams = streams;
    }

    ExecutorService start() {
        ExecutorService pool = streams == 1 ? Executors.newSingleThreadExecutor()
                : Executors.newFixedThreadPool(streams);
        for (int i = 0; i < streams; i++) {
            Runnable worker = () -> { };
            workers.add(worker);
            pool.execute(worker);
        }
        return pool;
    }

    void watch(Runnable watcher) {
        ExecutorService single = Executors.newSingleThreadExecutor();
        single.execute(watcher);
    }
}

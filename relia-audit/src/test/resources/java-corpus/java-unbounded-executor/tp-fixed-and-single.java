import java.util.concurrent.*;

class Pools {
    final ExecutorService workers = Executors.newFixedThreadPool(8); // expect: java/unbounded-executor
    final ExecutorService audit = java.util.concurrent.Executors.newSingleThreadExecutor(); // expect: java/unbounded-executor
}

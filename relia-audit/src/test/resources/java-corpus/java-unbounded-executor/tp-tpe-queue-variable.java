import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

class CustomVariable {
    ThreadPoolExecutor pool() {
        BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>(); // expect: java/unbounded-executor
        return new ThreadPoolExecutor(4, 4, 0, TimeUnit.SECONDS, queue);
    }
}

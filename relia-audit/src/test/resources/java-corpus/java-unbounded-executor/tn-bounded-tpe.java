import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

class Bounded {
    ThreadPoolExecutor pool() {
        return new ThreadPoolExecutor(4, 16, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1_000),
                new ThreadPoolExecutor.AbortPolicy());
    }
}

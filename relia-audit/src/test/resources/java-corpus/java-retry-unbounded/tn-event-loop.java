import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

class EventLoop {
    void run(BlockingQueue<Runnable> events) {
        while (true) {
            try {
                Runnable event = events.poll(1, TimeUnit.SECONDS);
                if (event != null) {
                    event.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

import java.util.concurrent.BlockingQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

class Cleaner {
    private static final Logger LOGGER = Logger.getLogger("cleaner");

    void run(BlockingQueue<Runnable> queue) {
        while (true) {
            try {
                Runnable task = queue.take(); // expect: java/blocking-without-deadline
                if (task == null) {
                    break;
                }
                task.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOGGER.log(Level.WARNING, "task failed", e);
            }
        }
    }
}

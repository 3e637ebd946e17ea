import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class Logged {
    private static final Logger log = LoggerFactory.getLogger(Logged.class);

    void run(Runnable task) {
        try {
            task.run();
        } catch (Exception e) {
            log.error("task failed", e);
        }
    }
}

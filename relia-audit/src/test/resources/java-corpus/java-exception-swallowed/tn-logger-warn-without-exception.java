import java.util.logging.Logger;

class JulLogged {
    private static final Logger LOGGER = Logger.getLogger("jul");

    void run(Runnable task) {
        try {
            task.run();
        } catch (Exception ex) {
            LOGGER.warning("task failed");
        }
    }
}

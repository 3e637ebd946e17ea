import java.util.ArrayList;
import java.util.List;

class Collected {
    private final List<Throwable> errors = new ArrayList<>();

    void run(Runnable task) {
        try {
            task.run();
        } catch (Exception e) {
            errors.add(e);
        }
    }
}

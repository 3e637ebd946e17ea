import java.util.ArrayList;
import java.util.List;

public class Hooks {
    public static final List<Runnable> ON_SHUTDOWN = new ArrayList<>();

    public static void add(Runnable hook) {
        ON_SHUTDOWN.add(hook);
    }
}

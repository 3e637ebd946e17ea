import java.util.ArrayList;
import java.util.List;

class Listeners {
    private static final List<Runnable> LISTENERS = new ArrayList<>();

    static void listen(Runnable listener) {
        LISTENERS.add(listener);
    }

    static List<Runnable> listeners() {
        return LISTENERS;
    }
}

import java.util.ArrayDeque;
import java.util.function.Consumer;

// Used by one event-loop thread only: the channel stops reading while messages are held, so the deque is bounded
// by that flow control, not by a capacity.
class PendingWrites {
    private final ArrayDeque<Object> held = new ArrayDeque<>();

    void hold(Object message) {
        held.add(message);
    }

    void flush(Consumer<Object> write) {
        while (!held.isEmpty()) {
            write.accept(held.poll());
        }
    }
}

import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;

class Mailbox {
    private static final int LIMIT = 1_000;
    private final BlockingQueue<String> bounded = new LinkedBlockingQueue<>(LIMIT);
    private final Queue<String> checked = new ConcurrentLinkedQueue<>();

    public boolean deliver(String message) {
        return bounded.offer(message);
    }

    // an unbounded type, kept in check by the size guard before every add
    public boolean note(String message) {
        if (checked.size() >= LIMIT) {
            return false;
        }
        return checked.add(message);
    }

    String next() {
        String message = bounded.poll();
        return message != null ? message : checked.poll();
    }
}

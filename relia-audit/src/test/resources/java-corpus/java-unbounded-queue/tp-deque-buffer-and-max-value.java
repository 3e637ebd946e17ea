import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;

class UndoBuffer {
    private final Deque<String> edits = new ArrayDeque<>(64); // expect: java/unbounded-queue
    private final BlockingDeque<String> outbox = new LinkedBlockingDeque<>(Integer.MAX_VALUE); // expect: java/unbounded-queue

    // shared between threads under the lock, and nothing limits it
    protected synchronized void push(String edit) {
        edits.addLast(edit);
    }

    void send(String message) throws InterruptedException {
        outbox.putLast(message);
    }

    synchronized String undo() {
        return edits.pollLast();
    }

    String nextToSend() throws InterruptedException {
        return outbox.takeFirst(); // expect: java/blocking-without-deadline
    }
}

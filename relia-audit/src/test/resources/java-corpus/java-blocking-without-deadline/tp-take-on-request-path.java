package corpus.blocking.requestpath;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** Takes that look like a worker's loop but run on a caller's thread: each waits for ever if no reply comes. */
final class ReplyCollector {
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>(64);
    private volatile boolean running = true;

    /** A loop, but in a request method: the caller waits for n replies with no bound. */
    List<String> collect(int expected) throws InterruptedException {
        List<String> collected = new ArrayList<>();
        while (collected.size() < expected) {
            collected.add(replies.take()); // expect: java/blocking-without-deadline
        }
        return collected;
    }

    /** The worker loop calls this step, and so does a request method: the request can hang. */
    void start() {
        new Thread(() -> {
            while (running) {
                try {
                    handle(nextReply());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }).start();
    }

    String peekForCaller() throws InterruptedException {
        return nextReply();
    }

    private String nextReply() throws InterruptedException {
        return replies.take(); // expect: java/blocking-without-deadline
    }

    /** A producer blocked on a full queue waits for ever if the consumer died: back-pressure needs a bound. */
    void publish(String reply) throws InterruptedException {
        while (running) {
            replies.put(reply); // expect: java/blocking-without-deadline
            return;
        }
    }

    private void handle(String reply) {
        System.out.println(reply);
    }
}

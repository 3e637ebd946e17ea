import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.LinkedBlockingQueue;

// The same queues with a capacity: put waits for space for as long as the consumer is stuck.
class BoundedMailbox {
    private final BlockingQueue<String> inbox = new LinkedBlockingQueue<>(1_000);
    private final LinkedBlockingDeque<String> retries = new LinkedBlockingDeque<>(64);

    void deliver(String letter) throws InterruptedException {
        inbox.put(letter); // expect: java/blocking-without-deadline
    }

    void retryFirst(String letter) throws InterruptedException {
        retries.putFirst(letter); // expect: java/blocking-without-deadline
    }

    String next() throws InterruptedException {
        return inbox.poll(1, java.util.concurrent.TimeUnit.SECONDS);
    }

    String nextRetry() throws InterruptedException {
        return retries.pollFirst(1, java.util.concurrent.TimeUnit.SECONDS);
    }
}

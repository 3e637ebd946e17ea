import java.util.concurrent.BlockingDeque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.LinkedBlockingQueue;

// put on a queue created without a capacity never waits for space: the capacity is Integer.MAX_VALUE.
// The queue itself is java/unbounded-queue's business.
class Mailbox {
    private final BlockingQueue<String> inbox = new LinkedBlockingQueue<>(); // expect: java/unbounded-queue
    private final BlockingDeque<String> retries;

    Mailbox() {
        retries = new LinkedBlockingDeque<>(Integer.MAX_VALUE); // expect: java/unbounded-queue
    }

    void deliver(String letter) throws InterruptedException {
        inbox.put(letter);
    }

    void retryFirst(String letter) throws InterruptedException {
        retries.putFirst(letter);
    }

    String next() throws InterruptedException {
        return inbox.poll(1, java.util.concurrent.TimeUnit.SECONDS);
    }

    String nextRetry() throws InterruptedException {
        return retries.pollFirst(1, java.util.concurrent.TimeUnit.SECONDS);
    }
}

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

class Pipeline {
    private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(100);

    String next() throws InterruptedException {
        return queue.take(); // expect: java/blocking-without-deadline
    }

    void push(String item) throws InterruptedException {
        queue.put(item); // expect: java/blocking-without-deadline
    }
}

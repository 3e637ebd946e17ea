import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;

class Forwarder {
    void forward(BlockingQueue<String> queue, CompletableFuture<String> result) {
        try {
            result.complete(queue.take()); // expect: java/blocking-without-deadline
        } catch (InterruptedException e) {
            result.completeExceptionally(e);
        }
    }
}

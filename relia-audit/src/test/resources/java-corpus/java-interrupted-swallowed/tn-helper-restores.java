import java.util.concurrent.BlockingQueue;

class Consumer {
    String next(BlockingQueue<String> queue) {
        try {
            return queue.poll(1, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            return cancelled();
        }
    }

    private static String cancelled() {
        Thread.currentThread().interrupt();
        return null;
    }
}

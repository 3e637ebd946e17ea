import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

class AuditTrail {
    private final BlockingQueue<String> pending = new LinkedBlockingQueue<>(); // expect: java/unbounded-queue

    public void record(String entry) {
        pending.offer(entry);
    }

    void flushOnce() throws InterruptedException {
        String next = pending.poll(1, TimeUnit.SECONDS);
        if (next != null) {
            write(next);
        }
    }

    private void write(String entry) {
    }
}

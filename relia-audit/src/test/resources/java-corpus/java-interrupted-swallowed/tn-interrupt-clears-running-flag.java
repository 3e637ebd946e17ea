import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

class Pump {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile boolean stopped;

    void pumpAll(BlockingQueue<byte[]> in) {
        while (running.get()) {
            try {
                write(in.poll(100, TimeUnit.MILLISECONDS));
            } catch (InterruptedException e) {
                running.set(false);
            }
        }
    }

    void pumpUntilStopped(BlockingQueue<byte[]> in) {
        while (!stopped) {
            try {
                write(in.poll(100, TimeUnit.MILLISECONDS));
            } catch (InterruptedException e) {
                stopped = true;
            }
        }
    }

    private void write(byte[] chunk) {
    }
}

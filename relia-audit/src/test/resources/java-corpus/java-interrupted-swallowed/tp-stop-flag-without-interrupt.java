import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

// The stop method sets the flag but nothing ties an interrupt to it, and the handler never looks at the flag: an
// interrupt sent to stop the pool's thread is logged and the loop goes on.
class Poller implements Runnable {
    private final BlockingQueue<String> events;
    private volatile boolean stopping;

    Poller(BlockingQueue<String> events) {
        this.events = events;
    }

    @Override
    public void run() {
        while (!stopping) {
            try {
                String event = events.poll(1, TimeUnit.SECONDS);
                System.err.println("event " + event);
            } catch (InterruptedException e) { // expect: java/interrupted-swallowed
                System.err.println("poller woken: " + e);
            }
            System.err.println("poller idle");
        }
    }

    void stop() {
        stopping = true;
    }
}

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

// shutdown() sets the stop flag and then interrupts the worker: an interrupt always comes with the flag, so after
// logging, the loop ends at its next test. The worker thread belongs to this class and ends with the loop.
class Dispatcher implements Runnable {
    private final BlockingQueue<String> jobs;
    private final Thread worker = new Thread(this, "dispatcher");
    private volatile boolean stopping;

    Dispatcher(BlockingQueue<String> jobs) {
        this.jobs = jobs;
    }

    @Override
    public void run() {
        while (!stopping) {
            try {
                String job = jobs.poll(1, TimeUnit.SECONDS);
                if (job != null) {
                    dispatch(job);
                }
            } catch (InterruptedException e) {
                System.err.println("dispatcher woken: " + e);
            }
            System.err.println("dispatcher idle");
        }
    }

    void shutdown() {
        stopping = true;
        worker.interrupt();
    }

    private void dispatch(String job) {
    }
}

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

// A Thread subclass whose stop method sets the flag; the owner interrupts it after calling it. The handler reads the
// flag to tell a stop from a failed job, and the loop ends at its next test, together with the thread.
class JobWorker extends Thread {
    private final BlockingQueue<Runnable> jobs;
    private volatile boolean toStop;

    JobWorker(BlockingQueue<Runnable> jobs) {
        this.jobs = jobs;
    }

    void stopWorking() {
        toStop = true;
    }

    @Override
    public void run() {
        while (!toStop) {
            try {
                Runnable job = jobs.poll(3, TimeUnit.SECONDS);
                if (job != null) {
                    job.run();
                }
            } catch (Throwable e) {
                if (toStop) {
                    System.err.println("worker stopping");
                }
                System.err.println("job failed: " + e);
            }
            System.err.println("worker idle");
        }
    }
}

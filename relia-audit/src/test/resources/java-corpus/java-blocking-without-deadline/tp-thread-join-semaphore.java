import java.util.concurrent.Semaphore;

class Workers {
    private final Semaphore permits = new Semaphore(4);

    void run(Runnable task) throws InterruptedException {
        permits.acquire(); // expect: java/blocking-without-deadline
        Thread worker = new Thread(task);
        worker.start();
        worker.join(); // expect: java/blocking-without-deadline
        permits.release();
    }
}

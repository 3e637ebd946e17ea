import java.util.concurrent.BlockingQueue;

class Worker implements Runnable {
    private final BlockingQueue<Runnable> tasks;

    Worker(BlockingQueue<Runnable> tasks) {
        this.tasks = tasks;
    }

    @Override
    public void run() {
        while (true) {
            try {
                tasks.take().run(); // a worker waiting for its next task: no deadline needed
            } catch (Exception e) {
                System.err.println("worker stopping: " + e);
                return;
            }
        }
    }
}

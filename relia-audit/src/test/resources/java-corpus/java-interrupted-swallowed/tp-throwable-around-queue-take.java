import java.util.concurrent.BlockingQueue;

class Drainer {
    private final BlockingQueue<Runnable> work;

    Drainer(BlockingQueue<Runnable> work) {
        this.work = work;
    }

    Runnable next() {
        try {
            return work.take(); // expect: java/blocking-without-deadline
        } catch (Throwable t) { // expect: java/interrupted-swallowed
            return null;
        }
    }
}

import java.util.concurrent.PriorityBlockingQueue;

class Scheduler {
    private final PriorityBlockingQueue<Integer> queue = new PriorityBlockingQueue<>(); // expect: java/unbounded-queue

    void add(int job) {
        queue.put(job);
    }
}

import java.util.concurrent.PriorityBlockingQueue;

class JobScheduler {
    // the 11 is only the first array size: PriorityBlockingQueue grows without limit
    private final PriorityBlockingQueue<Job> jobs = new PriorityBlockingQueue<>(11); // expect: java/unbounded-queue

    public void schedule(Job job) {
        jobs.put(job);
    }

    Job next() {
        return jobs.poll();
    }

    record Job(int priority) implements Comparable<Job> {
        @Override
        public int compareTo(Job other) {
            return Integer.compare(priority, other.priority);
        }
    }
}

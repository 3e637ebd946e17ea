package io.relia.example;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Orders accepted while payments was hung, captured later by one background thread. The queue is bounded: when it
 * is full checkout sheds load with 503 instead of promising captures it cannot keep.
 */
final class PendingCaptures implements AutoCloseable {
    static final int CAPACITY = 1_000;
    private static final long RETRY_SECONDS = 1;

    private final BlockingQueue<Charge> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "pending-captures");
        thread.setDaemon(true);
        return thread;
    });
    private final Payments payments;

    PendingCaptures(Payments payments) {
        this.payments = payments;
        retries.scheduleWithFixedDelay(this::captureAll, RETRY_SECONDS, RETRY_SECONDS, TimeUnit.SECONDS);
    }

    /** Queues a charge for capture; false when the queue is full. */
    boolean offer(Charge charge) {
        return queue.offer(charge);
    }

    int size() {
        return queue.size();
    }

    private void captureAll() {
        List<Charge> batch = new ArrayList<>();
        queue.drainTo(batch);
        for (Charge charge : batch) {
            try {
                payments.charge(charge);
                Log.info("order " + charge.order() + " captured after payments recovered");
            } catch (PaymentFailedException e) {
                if (!queue.offer(charge)) {
                    Log.warn("order " + charge.order() + " could not be requeued for capture: queue full");
                }
            }
        }
    }

    @Override
    public void close() {
        retries.shutdownNow();
        if (!queue.isEmpty()) {
            Log.warn(queue.size() + " orders still pending capture at shutdown");
        }
    }
}

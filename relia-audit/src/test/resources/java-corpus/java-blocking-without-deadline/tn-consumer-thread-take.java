package corpus.blocking.consumers;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingDeque;

/**
 * Worker threads waiting for their next item: waiting for work is the thread's job, and stopping it means an
 * interrupt or a poison item, not a timeout. None of these takes is a missing deadline.
 */
final class OrderWorkers {
    private final BlockingQueue<String> orders;
    private final LinkedBlockingDeque<String> batches = new LinkedBlockingDeque<>(16);
    private final ExecutorService pool;
    private volatile boolean running = true;

    OrderWorkers(BlockingQueue<String> orders, ExecutorService pool) {
        this.orders = orders;
        this.pool = pool;
    }

    /** A Runnable's own loop. */
    final class Dispatcher implements Runnable {
        @Override
        public void run() {
            while (running) {
                try {
                    String order = orders.take();
                    ship(order);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** A loop in a task handed to an executor. */
    void startAuditor() {
        pool.submit(() -> {
            while (running && !Thread.currentThread().isInterrupted()) {
                try {
                    String order = orders.take();
                    ship(order);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
    }

    /** The take sits in a private step that only the flush thread's endless loop calls. */
    void startFlusher() {
        Thread flusher = new Thread(new Runnable() {
            @Override
            public void run() {
                for (;;) {
                    try {
                        flushNext();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        });
        flusher.setDaemon(true);
        flusher.start();
    }

    private void flushNext() throws InterruptedException {
        String batch = batches.takeFirst();
        ship(batch);
    }

    /** The loop is in a private method, and a thread started for it is its only caller. */
    void startSender() {
        new Thread(() -> {
            try {
                sendForever();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }).start();
    }

    private void sendForever() throws InterruptedException {
        while (true) {
            String packet = orders.poll();
            if (packet == null) {
                packet = orders.take();
            }
            ship(packet);
        }
    }

    private void ship(String item) {
        System.out.println(item);
    }
}

package io.relia.example;

import java.io.IOException;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * The payments service, written the way the audit wants: a bounded worker pool with a bounded queue, so overload
 * is refused at the door instead of piling up threads and memory.
 */
final class PaymentsService {
    /** Worker threads; with 20 ms per payment that is ~800 payments/s per instance. */
    static final int WORKER_THREADS = 16;
    /** Accepted requests that may wait for a worker; the server resets connections beyond it. */
    static final int QUEUE_CAPACITY = 64;
    private static final long IDLE_KEEP_ALIVE_SECONDS = 30;

    private PaymentsService() {
    }

    /** Starts payments with the failure rate, latency and seed of {@code options}. */
    static HttpService start(Options options) throws IOException {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(
                WORKER_THREADS, WORKER_THREADS, IDLE_KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE_CAPACITY),
                Thread.ofPlatform().name("payments-worker-", 1).factory(),
                new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
        RandomGenerator random = options.seed().isPresent() ? new Random(options.seed().getAsLong()) : new Random();
        PaymentsHandler payments = new PaymentsHandler(options.failureRate(), options.latency(), random);
        return HttpService.start("payments", options.address(), executor, Map.of("/payments", payments), () -> { });
    }
}

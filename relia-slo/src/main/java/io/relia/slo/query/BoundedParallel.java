package io.relia.slo.query;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Future;

/**
 * Runs query work for many inputs on a bounded pool and returns the results in the inputs' order; the first
 * failure cancels the rest and is rethrown as it was.
 */
public final class BoundedParallel {

    /** One piece of query work. */
    @FunctionalInterface
    public interface Task<I, R> {
        R apply(I input) throws QueryException;
    }

    private BoundedParallel() {
    }

    /** Applies {@code task} to every input, at most {@code threads} (1..64) at once. */
    public static <I, R> List<R> map(List<I> inputs, int threads, Task<I, R> task)
            throws QueryException, InterruptedException {
        int workers = Math.max(1, Math.min(Math.min(threads, 64), inputs.size()));
        if (workers == 1) {
            List<R> result = new ArrayList<>();
            for (I input : inputs) {
                result.add(task.apply(input));
            }
            return result;
        }
        // The queue holds at most the inputs: bounded by the caller's list, never by load.
        try (ExecutorService pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(inputs.size()))) {
            List<Future<R>> futures = new ArrayList<>();
            for (I input : inputs) {
                futures.add(pool.submit(() -> task.apply(input)));
            }
            List<R> result = new ArrayList<>();
            for (Future<R> future : futures) {
                result.add(await(future, futures));
            }
            return result;
        }
    }

    private static <R> R await(Future<R> future, List<Future<R>> all) throws QueryException, InterruptedException {
        try {
            // relia:ignore java/blocking-without-deadline -- each task carries its own deadline (request timeouts)
            return future.get();
        } catch (InterruptedException interrupted) {
            all.forEach(other -> other.cancel(true));
            throw interrupted;
        } catch (ExecutionException failed) {
            all.forEach(other -> other.cancel(true));
            if (failed.getCause() instanceof QueryException query) {
                throw query;
            }
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(failed.getCause());
        }
    }
}

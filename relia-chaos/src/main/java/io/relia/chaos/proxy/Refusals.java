package io.relia.chaos.proxy;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the connections one proxy refused at a cap, rate-limited: the first refusal at once, then at most one line
 * per interval with the count since, so a flood of refusals (a proxy looping back to itself) writes a few lines,
 * not one per connection.
 */
final class Refusals {
    /** Seconds between two lines about one proxy. */
    static final long INTERVAL_SECONDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(Refusals.class);

    /** Runs a task once after a delay, ms. */
    interface Timer {
        void schedule(Runnable task, long delayMillis);
    }

    private final String proxy;
    private final Timer timer;
    private final long intervalMillis;
    private final Consumer<String> out;
    private final AtomicBoolean window = new AtomicBoolean();
    private final AtomicLong pending = new AtomicLong();
    private volatile String lastReason = "";

    Refusals(String proxy, ScheduledExecutorService timers) {
        this(proxy, (task, delay) -> timers.schedule(task, delay, TimeUnit.MILLISECONDS),
                TimeUnit.SECONDS.toMillis(INTERVAL_SECONDS), LOG::warn);
    }

    Refusals(String proxy, Timer timer, long intervalMillis, Consumer<String> out) {
        this.proxy = proxy;
        this.timer = timer;
        this.intervalMillis = intervalMillis;
        this.out = out;
    }

    /** One connection was refused; {@code reason} says at which cap. Callable from any thread. */
    void refused(String reason) {
        lastReason = reason;
        if (!window.compareAndSet(false, true)) {
            pending.incrementAndGet();
            return;
        }
        out.accept("proxy " + proxy + " refused a connection: " + reason);
        schedule();
    }

    private void flush() {
        long count = pending.getAndSet(0);
        if (count == 0) {
            window.set(false);
            return;
        }
        out.accept("proxy " + proxy + " refused " + count + " more connection" + (count == 1 ? "" : "s")
                + " in the last " + (intervalMillis % 1000 == 0 ? intervalMillis / 1000 + " s" : intervalMillis + " ms")
                + ": " + lastReason);
        schedule();
    }

    private void schedule() {
        try {
            timer.schedule(this::flush, intervalMillis);
        } catch (RejectedExecutionException shuttingDown) {
            window.set(false);
        }
    }
}

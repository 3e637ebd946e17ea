import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

// A periodic job that schedules its next run whatever happened: a fixed period, not a retry after failure.
// And a retry rescheduled with a delay taken from a backoff policy, which grows.
class Refresher {
    private static final long PERIOD_SECONDS = 30;
    private final ScheduledExecutorService scheduler;
    private final Backoff backoff;
    private int attempts;

    Refresher(ScheduledExecutorService scheduler, Backoff backoff) {
        this.scheduler = scheduler;
        this.backoff = backoff;
    }

    interface Backoff {
        long delayMs(int attempt);
    }

    void refresh() {
        try {
            reload();
        } finally {
            scheduler.schedule(this::refresh, PERIOD_SECONDS, TimeUnit.SECONDS);
        }
    }

    void reconnect() {
        try {
            reload();
            attempts = 0;
        } catch (RuntimeException e) {
            System.getLogger("refresher").log(System.Logger.Level.WARNING, "reload failed", e);
            long delay = backoff.delayMs(attempts++);
            scheduler.schedule(this::reconnect, delay, TimeUnit.MILLISECONDS);
        }
    }

    private void reload() {
    }
}

import java.util.concurrent.ScheduledExecutorService;
import static java.util.concurrent.TimeUnit.MILLISECONDS;

// A client that reconnects from its own failure callback: recursion through the scheduler is a loop, and a fixed
// delay forever keeps every client hammering a recovering server in step.
class Reconnector {
    private static final long RECONNECT_MS = 500;
    private final ScheduledExecutorService scheduler;
    private final Transport transport;

    Reconnector(ScheduledExecutorService scheduler, Transport transport) {
        this.scheduler = scheduler;
        this.transport = transport;
    }

    interface Transport {
        void open(Callback callback);
    }

    interface Callback {
        void done(Throwable error);
    }

    void connect() {
        transport.open(error -> {
            if (error != null) {
                scheduler.schedule(this::connect, RECONNECT_MS, MILLISECONDS); // expect: java/retry-without-backoff
            }
        });
    }
}

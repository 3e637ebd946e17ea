import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

class ResultLoops {
    interface Locator {
        List<String> assign(List<String> ranges);

        String state();
    }

    private final Locator locator;
    private final AtomicLong high = new AtomicLong();

    ResultLoops(Locator locator) {
        this.locator = locator;
    }

    // a compare-and-set loop retries at once by design: another thread won, nothing is down
    void raise(long value) {
        while (true) {
            long seen = high.get();
            boolean success = value <= seen || high.compareAndSet(seen, value);
            if (success) {
                return;
            }
        }
    }

    // the pause doubles up to a cap
    void binWithBackoff(List<String> ranges) throws InterruptedException {
        long pause = 100;
        while (true) {
            List<String> failures = locator.assign(ranges);
            if (failures.isEmpty()) {
                break;
            }
            Thread.sleep(pause);
            pause = Math.min(pause * 2, 10_000);
        }
    }

    // bounded by a deadline
    void binUntil(List<String> ranges, long deadlineMillis) throws InterruptedException {
        while (true) {
            List<String> failures = locator.assign(ranges);
            if (failures.isEmpty()) {
                break;
            }
            if (System.currentTimeMillis() > deadlineMillis) {
                throw new IllegalStateException("could not place " + failures);
            }
            Thread.sleep(100);
        }
    }

    // waiting for a state to be reached is polling, not retrying a failure
    void awaitRunning() throws InterruptedException {
        while (true) {
            String state = locator.state();
            if (state.equals("RUNNING")) {
                break;
            }
            Thread.sleep(500);
        }
    }
}

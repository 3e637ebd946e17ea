import java.util.List;

class RangeBinner {
    interface Locator {
        List<String> assign(List<String> ranges);
    }

    private final Locator locator;

    RangeBinner(Locator locator) {
        this.locator = locator;
    }

    // no exception to catch: the locator answers with what it could not place, and the loop asks again every
    // 100 ms for as long as a tablet server is down, from every client at once
    void bin(List<String> ranges) throws InterruptedException {
        while (true) { // expect: java/retry-without-backoff
            List<String> failures = locator.assign(ranges);
            if (failures.isEmpty()) {
                break;
            }
            Thread.sleep(100);
        }
    }
}

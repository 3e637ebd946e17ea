import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class Poller {
    private static final Logger LOG = LoggerFactory.getLogger(Poller.class);

    void pauseBetweenPolls(long millis) {
        try {
            Thread.sleep(millis);
        } catch (Exception e) { // expect: java/interrupted-swallowed
            LOG.warn("pause cut short", e);
        }
        refresh();
    }

    private void refresh() {
    }
}

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class Logged {
    private static final Logger LOG = LoggerFactory.getLogger(Logged.class);

    void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) { // expect: java/interrupted-swallowed
            LOG.warn("interrupted", e);
        }
    }
}

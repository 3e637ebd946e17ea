// The loop's work is another object's method: it may block inside (a consumer's long poll, a socket read), which
// this file does not show, so the loop is not called busy.
class Pump implements Runnable {
    private static final java.util.logging.Logger LOGGER = java.util.logging.Logger.getLogger("pump");
    private final Source source;
    private volatile boolean stopped;

    Pump(Source source) {
        this.source = source;
    }

    interface Source {
        void pumpNext();
    }

    @Override
    public void run() {
        while (!stopped) {
            try {
                source.pumpNext();
            } catch (RuntimeException e) {
                LOGGER.warning("pump failed: " + e);
            }
        }
    }
}

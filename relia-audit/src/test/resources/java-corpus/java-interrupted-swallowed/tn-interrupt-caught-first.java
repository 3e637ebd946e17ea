class Backoff {
    boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            System.err.println("pause failed: " + e);
            return false;
        }
    }

    void pauseQuietly(java.util.concurrent.TimeUnit unit) {
        try {
            unit.sleep(1);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

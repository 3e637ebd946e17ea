import java.util.concurrent.CountDownLatch;

class Reconnect {
    interface Helpers {
        static void checkInterrupted(Throwable e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void onReconnected(CountDownLatch settled, Runnable recheck) {
        try {
            settled.await(); // expect: java/blocking-without-deadline
            recheck.run();
        } catch (Exception e) {
            Helpers.checkInterrupted(e);
            System.err.println("recheck failed: " + e);
        }
        System.out.println("reconnected");
    }
}

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

class EmptyInterrupt {
    boolean await(CountDownLatch latch) {
        try {
            return latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException ignored) { // expect: java/interrupted-swallowed
        }
        return false;
    }
}

import java.util.concurrent.atomic.AtomicInteger;

class Admission {
    private final Object released = new Object();
    private final AtomicInteger inFlight = new AtomicInteger();

    void admit(Runnable request) {
        while (inFlight.get() > 100) {
            try {
                synchronized (released) {
                    released.wait(50);
                }
            } catch (InterruptedException e) { // expect: java/interrupted-swallowed
                break;
            }
        }
        inFlight.incrementAndGet();
        request.run();
    }
}

import com.google.common.util.concurrent.ListenableFuture;

import java.util.concurrent.TimeUnit;

class Flush {
    void flush(ListenableFuture<Void> pending) {
        try {
            pending.get(10, TimeUnit.SECONDS);
        } catch (Exception e) { // expect: java/interrupted-swallowed
            System.err.println("flush failed: " + e);
        }
    }
}

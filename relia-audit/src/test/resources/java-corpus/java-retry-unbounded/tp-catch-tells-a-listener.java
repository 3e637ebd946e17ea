import java.util.function.Supplier;

// Telling a listener about the failure (even through an onError callback) neither waits nor limits: the loop
// still hammers the call forever.
class NotifyingLoop {
    interface Listener {
        void onError(Exception failure);
    }

    static <T> T call(Listener listener, Supplier<T> supplier) {
        while (true) { // expect: java/retry-unbounded, java/retry-without-backoff
            try {
                return supplier.get();
            } catch (RuntimeException e) {
                listener.onError(e);
            }
        }
    }
}

import java.util.function.Supplier;

// Telling a listener about the failure neither waits nor limits: the loop still hammers the call forever.
class NotifyingLoop {
    interface Listener {
        void failed(Exception failure);
    }

    static <T> T call(Listener listener, Supplier<T> supplier) {
        while (true) { // expect: java/retry-unbounded, java/retry-without-backoff
            try {
                return supplier.get();
            } catch (RuntimeException e) {
                listener.failed(e);
            }
        }
    }
}

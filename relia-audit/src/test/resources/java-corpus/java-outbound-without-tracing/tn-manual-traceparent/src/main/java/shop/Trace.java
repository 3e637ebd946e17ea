package shop;

/** The W3C trace context of the request being served, kept by the server's filter. */
final class Trace {
    private static final ThreadLocal<String> CURRENT = ThreadLocal.withInitial(() -> "");

    private Trace() {
    }

    static String current() {
        return CURRENT.get();
    }

    static void set(String traceparent) {
        CURRENT.set(traceparent);
    }
}

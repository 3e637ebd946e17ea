import java.util.function.Consumer;

/** A listener's RuntimeException is dropped without a trace: the try calls other code, not a conversion. */
class Notifier {
    void notify(Consumer<String> listener, String event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {} // expect: java/empty-catch
    }
}

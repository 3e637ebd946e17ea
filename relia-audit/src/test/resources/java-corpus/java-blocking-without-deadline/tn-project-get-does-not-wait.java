package corpus.blocking.cache;

import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * The caller declares ExecutionException (for a loader it calls elsewhere), but the get() it calls is this project's
 * own, and its body does not wait: the project's code outweighs the exception's hint.
 */
final class MemoizedValue {
    private final Supplier<String> loader;
    private String value;

    MemoizedValue(Supplier<String> loader) {
        this.loader = loader;
    }

    synchronized String get() {
        if (value == null) {
            value = loader.get();
        }
        return value;
    }
}

final class SettingsReader {
    String read(MemoizedValue settings) throws ExecutionException {
        return settings.get();
    }
}

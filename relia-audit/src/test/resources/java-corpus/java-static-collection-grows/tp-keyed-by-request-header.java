import java.util.HashSet;
import java.util.Set;

// A lookup by a constant key is not configuration when the receiver is the request: each caller brings a new
// client id, and the set keeps every one of them.
class ClientTracker {
    private static final String CLIENT_HEADER = "X-Client-Id";
    private static final Set<String> SEEN = new HashSet<>(); // expect: java/static-collection-grows

    void handle(Request request) {
        String client = request.getHeader(CLIENT_HEADER).trim();
        SEEN.add(client);
    }

    interface Request {
        String getHeader(String name);
    }
}

// The listener map's type names configuration in its type arguments, and its keys are handed to nothing else: each
// caller's key stays.
class ListenerRegistry {
    private static final java.util.Map<String, java.util.Set<ConfigListener>> LISTENERS = // expect: java/static-collection-grows
            new java.util.concurrent.ConcurrentHashMap<>();

    void listen(String key, ConfigListener listener) {
        LISTENERS.computeIfAbsent(key, k -> new java.util.HashSet<>()).add(listener);
    }

    interface ConfigListener {
        void changed(String value);
    }
}

// A collection whose own name mentions configuration is not a configuration source: every observer added stays.
class ConfigObservers {
    private static final java.util.List<Runnable> CONFIG_OBSERVERS = new java.util.ArrayList<>(); // expect: java/static-collection-grows

    static void observe(Runnable observer) {
        CONFIG_OBSERVERS.add(observer);
    }
}

import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

class Caches {
    private static final Map<Object, String> NAMES = new WeakHashMap<>();
    private static Map<String, String> lookups = new HashMap<>();

    static void name(Object key, String name) {
        NAMES.put(key, name);
    }

    static void lookup(String key, String value) {
        lookups.put(key, value);
    }

    static void reset() {
        lookups = new HashMap<>();
    }
}

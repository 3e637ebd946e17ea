import java.util.LinkedHashMap;
import java.util.Map;

class Lru {
    private static final int MAX = 1000;
    private static final Map<String, String> RECENT = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX;
        }
    };

    synchronized void seen(String key, String value) {
        RECENT.put(key, value);
    }
}

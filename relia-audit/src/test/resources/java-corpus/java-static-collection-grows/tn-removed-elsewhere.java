import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

class Connections {
    private static final Map<String, Object> OPEN = new ConcurrentHashMap<>();

    void open(String id) {
        OPEN.put(id, new Object());
    }

    void close(String id) {
        OPEN.remove(id);
    }
}

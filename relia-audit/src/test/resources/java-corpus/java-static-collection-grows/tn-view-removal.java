import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

class Leases {
    private static final Map<String, Long> EXPIRY = new HashMap<>();
    private static final Map<String, Long> SEEN = new HashMap<>();

    static synchronized void lease(String id, long until) {
        EXPIRY.put(id, until);
        SEEN.put(id, until);
    }

    static synchronized void expire(long now) {
        EXPIRY.entrySet().removeIf(entry -> entry.getValue() < now);
        for (Iterator<Long> it = SEEN.values().iterator(); it.hasNext(); ) {
            if (it.next() < now) {
                it.remove();
            }
        }
    }
}

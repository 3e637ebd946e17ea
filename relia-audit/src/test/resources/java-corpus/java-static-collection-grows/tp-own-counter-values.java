import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

// A tally per user of the project's own Counter type is no meter of a registry: one entry per user ever seen.
class LoginTally {
    private static final Map<String, Counter> PER_USER = new ConcurrentHashMap<>(); // expect: java/static-collection-grows

    static void loggedIn(String userId) {
        PER_USER.computeIfAbsent(userId, id -> new Counter()).bump();
    }

    static final class Counter {
        private long count;

        void bump() {
            count++;
        }
    }
}

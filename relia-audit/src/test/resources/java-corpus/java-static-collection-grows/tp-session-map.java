import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

class Sessions {
    private static final Map<String, Session> SESSIONS = new ConcurrentHashMap<>(); // expect: java/static-collection-grows

    void login(String user) {
        SESSIONS.put(user, new Session(user));
    }

    Session find(String user) {
        return SESSIONS.get(user);
    }

    record Session(String user) {
    }
}

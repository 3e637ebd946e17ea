import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

class AuditTrail {
    static final List<String> EVENTS = Collections.synchronizedList(new ArrayList<>()); // expect: java/static-collection-grows

    static void record(String event) {
        EVENTS.add(System.currentTimeMillis() + " " + event);
    }

    static int count() {
        return EVENTS.size();
    }
}

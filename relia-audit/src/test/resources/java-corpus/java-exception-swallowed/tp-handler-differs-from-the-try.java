import java.util.ArrayList;
import java.util.List;

// The handler does something else than the try finishes with: the failure is simply dropped.
class Inbox {
    private final List<String> items = new ArrayList<>();
    private int failures;

    void onServerAnswer(String body) {
        try {
            List<String> fresh = List.of(body.split(","));
            items.addAll(fresh);
        } catch (Exception e) { failures = failures + 1; } // expect: java/exception-swallowed
    }
}

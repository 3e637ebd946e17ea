import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

class Counters {
    enum Outcome { SUCCESS, FAILURE, TIMEOUT }

    private static final Map<Outcome, Long> COUNTS = new EnumMap<>(Outcome.class);
    private static final Map<Outcome, String> LABELS = new HashMap<>();

    static synchronized void count(Outcome outcome) {
        COUNTS.merge(outcome, 1L, Long::sum);
        LABELS.putIfAbsent(outcome, outcome.name().toLowerCase());
    }
}

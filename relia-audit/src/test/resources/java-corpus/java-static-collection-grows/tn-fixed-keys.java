import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

class Schemas {
    enum Kind { SERVICE, RUNBOOK }

    private static final Map<Kind, String> NAMES = Map.of(Kind.SERVICE, "service", Kind.RUNBOOK, "runbook");
    private static final Map<String, Object> LOADED = new ConcurrentHashMap<>();
    private static final Map<Class<?>, String> SIMPLE_NAMES = new ConcurrentHashMap<>();
    private static final Map<String, Integer> HITS = new ConcurrentHashMap<>();
    private static final String TOTAL = "total";

    static Object schema(Kind kind) {
        return LOADED.computeIfAbsent(NAMES.get(kind), Schemas::load);
    }

    static String simpleName(Object value) {
        return SIMPLE_NAMES.computeIfAbsent(value.getClass(), Class::getSimpleName);
    }

    static void hit() {
        HITS.merge(TOTAL, 1, Integer::sum);
        HITS.merge("all", 1, Integer::sum);
    }

    private static Object load(String name) {
        return new Object();
    }
}

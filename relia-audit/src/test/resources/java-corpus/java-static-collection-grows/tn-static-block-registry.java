import java.util.HashMap;
import java.util.Map;

class Codes {
    private static final Map<String, Integer> CODES = new HashMap<>();

    static {
        CODES.put("ok", 200);
        CODES.put("missing", 404);
        add("error", 500);
    }

    private static void add(String name, int code) {
        CODES.put(name, code);
    }

    static int code(String name) {
        return CODES.getOrDefault(name, 500);
    }
}

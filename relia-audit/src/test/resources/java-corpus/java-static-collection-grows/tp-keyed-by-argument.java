import java.util.HashMap;
import java.util.Map;

class Lookups {
    private static final Map<String, Integer> CODES = Map.of("ok", 200);
    private static final Map<String, String> RESOLVED = new HashMap<>(); // expect: java/static-collection-grows

    static synchronized String resolve(String host) {
        RESOLVED.put("last", host);
        return RESOLVED.computeIfAbsent(host, Lookups::lookUp);
    }

    static int code(String name) {
        return CODES.getOrDefault(name, 500);
    }

    private static String lookUp(String host) {
        return host;
    }
}

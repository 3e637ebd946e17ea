import java.util.Map;

class Lookup {
    String find(Map<String, String> map, String key) {
        try {
            return map.get(key).trim();
        } catch (Exception e) { return null; } // expect: java/exception-swallowed
    }
}

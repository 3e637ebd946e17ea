import java.util.Map;

class Flags {
    private final Map<String, String> values;

    Flags(Map<String, String> values) {
        this.values = values;
    }

    int intValue(String name, int otherwise) {
        try {
            return Integer.parseInt(values.get(name));
        } catch (RuntimeException e) {
            return otherwise;
        }
    }
}

import java.util.Locale;
import java.util.Map;

/** An attribute keeps its raw text when it is not one of the known levels: the variable already holds it. */
class AttributeReader {
    enum Level { LOW, HIGH }

    void read(Map<String, Object> attributes, String key, Object raw) {
        Object value = raw;
        if ("level".equals(key)) {
            try {
                value = Level.valueOf(((String) value).trim().toUpperCase(Locale.ROOT));
            } catch (Exception e) { }
        }
        attributes.put(key, value);
    }
}

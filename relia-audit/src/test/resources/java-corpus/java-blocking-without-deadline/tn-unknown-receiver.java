import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

class Lookups {
    String lookup(Map<String, String> map, Optional<String> value, Supplier<String> supplier) {
        return map.get("k") + value.get() + supplier.get() + String.join(",", "a", "b");
    }
}

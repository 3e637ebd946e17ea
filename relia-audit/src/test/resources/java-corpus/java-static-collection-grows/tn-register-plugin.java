import java.util.HashMap;
import java.util.Map;

final class Plugins {
    private static final Map<String, Plugin> PLUGINS = new HashMap<>();

    static void register(String name, Plugin plugin) {
        PLUGINS.put(name, plugin);
    }

    static Plugin plugin(String name) {
        return PLUGINS.get(name);
    }

    interface Plugin {
    }
}

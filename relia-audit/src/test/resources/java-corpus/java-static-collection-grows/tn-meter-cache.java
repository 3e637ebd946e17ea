import com.netflix.spectator.api.Counter;
import com.netflix.spectator.api.Registry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

// Caches of meter lookups, keyed by metric name and tags: the registry keeps every meter it creates anyway, so the
// maps hold nothing the registry does not, and their size is the metrics' cardinality.
class Meters {
    private static final Map<String, Map<Map<String, String>, Counter>> COUNTERS = new ConcurrentHashMap<>();
    private static final Map<String, Timer> TIMERS = new ConcurrentHashMap<>();

    static Counter counter(Registry registry, String name, Map<String, String> tags) {
        return COUNTERS.computeIfAbsent(name, n -> new ConcurrentHashMap<>())
                .computeIfAbsent(tags, t -> registry.counter(name));
    }

    static Timer timer(MeterRegistry registry, String name) {
        return TIMERS.computeIfAbsent(name, registry::timer);
    }
}

package io.relia.audit.java;

import io.relia.audit.AuditContext;
import io.relia.audit.TestSources;
import io.relia.core.Location;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The facts the files of one audit noted for the project-wide checks, with where each was seen. Thread-safe. */
final class ProjectFacts {

    private final Map<String, List<Location>> byKey = new ConcurrentHashMap<>();
    private ServiceFiles serviceFiles;

    /** The service's non-Java files, read once for all project-wide checks (they run one after another). */
    synchronized ServiceFiles serviceFiles(AuditContext context) {
        if (serviceFiles == null) {
            serviceFiles = ServiceFiles.read(context.root(), context.inventory().excluded());
        }
        return serviceFiles;
    }

    void add(Path file, List<SourceFile.Fact> facts) {
        for (SourceFile.Fact fact : facts) {
            List<Location> places = byKey.computeIfAbsent(fact.key(), key -> new ArrayList<>());
            synchronized (places) {
                places.add(Location.of(file, fact.line(), fact.column()));
            }
        }
    }

    /** True when some file noted {@code key}. */
    boolean has(String key) {
        return byKey.containsKey(key);
    }

    /**
     * Where {@code key} was noted outside test sources ({@link TestSources}), in file and line order: service-wide
     * rules judge what runs in production, and tests may fake a server or trust a test certificate, even when
     * they are audited ({@code --include-tests}).
     */
    List<Location> inMainCode(Path root, String key) {
        return places(key).stream().filter(place -> !TestSources.isTest(root, Path.of(place.file()))).toList();
    }

    /** The keys noted that start with {@code prefix}, sorted. */
    List<String> keysStartingWith(String prefix) {
        return byKey.keySet().stream().filter(key -> key.startsWith(prefix)).sorted().toList();
    }

    /** Where {@code key} was noted, in file and line order (stable whatever order the files were checked in). */
    List<Location> places(String key) {
        List<Location> places = byKey.getOrDefault(key, List.of());
        synchronized (places) {
            return places.stream().sorted(Comparator.naturalOrder()).toList();
        }
    }
}

package io.relia.slo.openslo;

import io.relia.core.Location;
import io.relia.core.Problems;
import io.relia.core.spec.Fields;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.Suggestions;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The named OpenSLO objects of a set of files, for resolving references ({@code indicatorRef}, {@code
 * alertPolicyRef}, {@code conditionRef}, {@code targetRef}, {@code metricSourceRef}) across the files. An object is
 * read once: problems of the files being read are reported, those of the other files are left to their own reading,
 * so that one cause gives one error.
 */
final class OpenSloObjects {

    /** One named object and whether it belongs to the files being read. */
    record Entry(String kind, String name, MapNode object, boolean own) {
    }

    private final Map<String, Map<String, Entry>> byKind = new HashMap<>();
    private final Map<MapNode, Optional<?>> read = new IdentityHashMap<>();
    private final Set<MapNode> others = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Problems problems;
    private final Problems elsewhere = new Problems();

    /** @param problems where problems of the files being read go */
    OpenSloObjects(Problems problems) {
        this.problems = problems;
    }

    /**
     * Adds a named object; false when it is the later of two of the same kind and name. That later one (by file,
     * then line) is an error when it belongs to the files being read, since a reference to the name would be
     * ambiguous; Services are not referenced by anything Relia reads, so they may repeat, and SLOs may across files.
     */
    boolean add(String kind, String name, MapNode object, Location nameLocation, boolean own) {
        if (!own) {
            others.add(object);
        }
        Map<String, Entry> named = byKind.computeIfAbsent(kind, ignored -> new LinkedHashMap<>());
        Entry first = named.get(name);
        if (first == null) {
            named.put(name, new Entry(kind, name, object, own));
            return true;
        }
        Location earlierAt = nameLocation(first.object());
        // SLOs of two files are told apart by the rules' own checks (the same SLO ID in two files is an error there).
        if (kind.equals("Service") || kind.equals("SLO") && !earlierAt.file().equals(nameLocation.file())) {
            return true;
        }
        boolean newIsLater = nameLocation.compareTo(earlierAt) > 0;
        Location later = newIsLater ? nameLocation : earlierAt;
        Location earlier = newIsLater ? earlierAt : nameLocation;
        if (newIsLater ? own : first.own()) {
            problems.error(later, "duplicate " + kind + " name \"" + name + "\" (first at "
                    + (earlier.file().equals(later.file()) ? "line " + earlier.line() : earlier.toString()) + ")",
                    "a unique name per " + kind, "");
        }
        if (!newIsLater) {
            named.put(name, new Entry(kind, name, object, own));
        }
        return !newIsLater;
    }

    /** The problems of an object: reported for the files being read, dropped for the others. */
    Problems problemsOf(MapNode object) {
        return others.contains(object) ? elsewhere : problems;
    }

    /** Reads an object once, with its own problems, however many references lead to it. */
    @SuppressWarnings("unchecked")
    <T> Optional<T> once(MapNode object, Function<Fields, Optional<T>> reader) {
        Optional<?> done = read.get(object);
        if (done != null) {
            return (Optional<T>) done;
        }
        read.put(object, Optional.empty());
        Optional<T> value = reader.apply(new Fields(object, problemsOf(object), ""));
        read.put(object, value);
        return value;
    }

    /**
     * The object a reference names, or a located error naming the missing object, with the closest name or the
     * names there are.
     */
    Optional<Entry> resolve(String kind, Fields owner, String key, String name) {
        Map<String, Entry> named = byKind.getOrDefault(kind, Map.of());
        Entry entry = named.get(name);
        if (entry != null) {
            return Optional.of(entry);
        }
        Set<String> names = named.keySet();
        String hint = Suggestions.closest(name, names).map(best -> "did you mean \"" + best + "\"?")
                .orElse(names.isEmpty() ? "define it in one of the files read together" : kind + "s defined: "
                        + String.join(", ", names));
        owner.problems().error(owner.valueLocation(key), "no " + kind + " named \"" + name + "\" in the files read",
                "the name of a kind: " + kind + " object", hint);
        return Optional.empty();
    }

    /** Where an object's {@code metadata.name} is written, else the object. */
    static Location nameLocation(MapNode object) {
        return object.map("metadata").flatMap(metadata -> metadata.get("name")).map(Node::location)
                .orElse(object.location());
    }
}

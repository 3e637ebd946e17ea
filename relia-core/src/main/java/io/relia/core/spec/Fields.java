package io.relia.core.spec;

import io.relia.core.Location;
import io.relia.core.Problems;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reading of a mapping's fields for format readers: each accessor returns the value or reports a located
 * problem ("missing key", "is a list; expected a string") and returns empty, so a reader collects every problem
 * in one pass.
 */
public final class Fields {

    private final MapNode map;
    private final Problems problems;
    private final String where;

    /**
     * @param map      the mapping to read
     * @param problems where problems go
     * @param where    how messages name this mapping ({@code slos[0].sli}); empty for the document root
     */
    public Fields(MapNode map, Problems problems, String where) {
        this.map = map;
        this.problems = problems;
        this.where = where;
    }

    public MapNode map() {
        return map;
    }

    private String path(String key) {
        return where.isEmpty() ? key : where + "." + key;
    }

    /** Reports keys not in {@code known} as warnings, with "did you mean" when one is close. */
    public Fields known(Collection<String> known) {
        for (String key : map.keys()) {
            if (!known.contains(key)) {
                String hint = Suggestions.closest(key, known).map(best -> "did you mean \"" + best + "\"?")
                        .orElse("known keys: " + String.join(", ", known));
                problems.warning(map.locationOf(key), "unknown key \"" + path(key) + "\"", "", hint);
            }
        }
        return this;
    }

    /** A required non-empty text value. */
    public Optional<String> requireText(String key, String expected) {
        if (!map.has(key) || map.get(key).filter(node -> node instanceof ScalarNode s && s.isNull()).isPresent()) {
            problems.error(map.location(), "missing key \"" + path(key) + "\"", expected, "");
            return Optional.empty();
        }
        return text(key, expected).filter(text -> {
            if (text.isBlank()) {
                problems.error(map.get(key).orElseThrow().location(), "\"" + path(key) + "\" is empty", expected, "");
                return false;
            }
            return true;
        });
    }

    /** An optional text value (scalars of any type are read as written). */
    public Optional<String> text(String key, String expected) {
        Optional<Node> node = map.get(key);
        if (node.isEmpty() || node.get() instanceof ScalarNode s && s.isNull()) {
            return Optional.empty();
        }
        if (node.get() instanceof ScalarNode scalar) {
            return Optional.of(scalar.text());
        }
        problems.error(node.get().location(), "\"" + path(key) + "\" is " + node.get().describe(), expected, "");
        return Optional.empty();
    }

    /** An optional decimal number. */
    public Optional<BigDecimal> number(String key, String expected) {
        Optional<Node> node = map.get(key);
        if (node.isEmpty() || node.get() instanceof ScalarNode s && s.isNull()) {
            return Optional.empty();
        }
        if (node.get() instanceof ScalarNode scalar && scalar.asNumber().isPresent()) {
            return scalar.asNumber();
        }
        problems.error(node.get().location(), "\"" + path(key) + "\" is " + node.get().describe(), expected, "");
        return Optional.empty();
    }

    /** An optional true/false. */
    public Optional<Boolean> bool(String key) {
        Optional<Node> node = map.get(key);
        if (node.isEmpty() || node.get() instanceof ScalarNode s && s.isNull()) {
            return Optional.empty();
        }
        if (node.get() instanceof ScalarNode scalar && scalar.asBoolean().isPresent()) {
            return scalar.asBoolean();
        }
        problems.error(node.get().location(), "\"" + path(key) + "\" is " + node.get().describe(), "true or false",
                "");
        return Optional.empty();
    }

    /** An optional nested mapping, as fields. */
    public Optional<Fields> child(String key) {
        Optional<Node> node = map.get(key);
        if (node.isEmpty() || node.get() instanceof ScalarNode s && s.isNull()) {
            return Optional.empty();
        }
        if (node.get() instanceof MapNode child) {
            return Optional.of(new Fields(child, problems, path(key)));
        }
        problems.error(node.get().location(), "\"" + path(key) + "\" is " + node.get().describe(), "a mapping", "");
        return Optional.empty();
    }

    /** An optional list of mappings, as fields, each named {@code key[i]}. */
    public Optional<List<Fields>> children(String key) {
        Optional<Node> node = map.get(key);
        if (node.isEmpty() || node.get() instanceof ScalarNode s && s.isNull()) {
            return Optional.empty();
        }
        if (!(node.get() instanceof ListNode list)) {
            problems.error(node.get().location(), "\"" + path(key) + "\" is " + node.get().describe(), "a list", "");
            return Optional.empty();
        }
        java.util.ArrayList<Fields> out = new java.util.ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Node item = list.get(i);
            if (item instanceof MapNode child) {
                out.add(new Fields(child, problems, path(key) + "[" + i + "]"));
            } else {
                problems.error(item.location(), "\"" + path(key) + "[" + i + "]\" is " + item.describe(),
                        "a mapping", "");
            }
        }
        return Optional.of(out);
    }

    /** An optional mapping of text to text (labels, annotations), in the order written. */
    public Map<String, String> textMap(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        child(key).ifPresent(child -> child.map().entries().forEach((name, entry) -> {
            if (entry.value() instanceof ScalarNode scalar) {
                out.put(name, scalar.text());
            } else {
                problems.error(entry.value().location(), "\"" + child.path(name) + "\" is "
                        + entry.value().describe(), "a text value", "");
            }
        }));
        return out;
    }

    /** Where a key is written (or the mapping, when absent). */
    public Location locationOf(String key) {
        return map.locationOf(key);
    }

    /** Where the value of a key is written (or the mapping, when absent). */
    public Location valueLocation(String key) {
        return map.get(key).map(Node::location).orElse(map.location());
    }

    public Problems problems() {
        return problems;
    }

    public String where() {
        return where;
    }
}

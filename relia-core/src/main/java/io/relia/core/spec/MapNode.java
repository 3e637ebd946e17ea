package io.relia.core.spec;

import io.relia.core.Location;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A YAML mapping or JSON object with text keys, in the order written.
 *
 * @param entries  key to entry (key node and value node)
 * @param location where the mapping starts
 */
public record MapNode(Map<String, Entry> entries, Location location) implements Node {

    /**
     * One key and its value.
     *
     * @param key   the key as written (its location is where the key starts)
     * @param value the value
     */
    public record Entry(ScalarNode key, Node value) {
    }

    public MapNode {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public Optional<Node> get(String key) {
        Entry entry = entries.get(key);
        return entry == null ? Optional.empty() : Optional.of(entry.value());
    }

    /** The text of a scalar value; empty when absent, null or not a scalar. */
    public Optional<String> text(String key) {
        return get(key).flatMap(value -> value instanceof ScalarNode scalar && !scalar.isNull()
                ? Optional.of(scalar.text()) : Optional.empty());
    }

    public Optional<MapNode> map(String key) {
        return get(key).flatMap(value -> value instanceof MapNode map ? Optional.of(map) : Optional.empty());
    }

    public Optional<ListNode> list(String key) {
        return get(key).flatMap(value -> value instanceof ListNode list ? Optional.of(list) : Optional.empty());
    }

    /** Where a key is written, for messages about that key; the mapping's own location when absent. */
    public Location locationOf(String key) {
        Entry entry = entries.get(key);
        return entry == null ? location : entry.key().location();
    }

    @Override
    public String describe() {
        return "a mapping";
    }
}

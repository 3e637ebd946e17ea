package io.relia.core.spec;

import io.relia.core.Location;

import java.util.List;

/**
 * A YAML sequence or JSON array.
 *
 * @param items    the items in order
 * @param location where the list starts
 */
public record ListNode(List<Node> items, Location location) implements Node {

    public ListNode {
        items = List.copyOf(items);
    }

    public int size() {
        return items.size();
    }

    public Node get(int index) {
        return items.get(index);
    }

    @Override
    public String describe() {
        return "a list";
    }
}

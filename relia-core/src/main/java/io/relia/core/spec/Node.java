package io.relia.core.spec;

import io.relia.core.Location;

/**
 * A node of a loaded YAML or JSON document that remembers where it was written. Scalars keep their text: the
 * reader of a format decides whether {@code on} is a string or {@code 99.95%} a ratio, not the YAML resolver.
 */
public sealed interface Node permits MapNode, ListNode, ScalarNode {

    Location location();

    /** What kind of node this is, for messages: {@code a mapping}, {@code a list}, {@code a string}. */
    String describe();
}

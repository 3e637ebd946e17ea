package io.relia.slo.rules;

import java.util.List;

/**
 * A Prometheus rule group.
 *
 * @param name  group name, unique in a file
 * @param rules its rules, in evaluation order
 */
public record RuleGroup(String name, List<Rule> rules) {

    public RuleGroup {
        rules = List.copyOf(rules);
    }
}

package io.relia.slo.rules;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A Prometheus rule group.
 *
 * @param name     group name, unique in a file
 * @param rules    its rules, in evaluation order
 * @param interval how often Prometheus evaluates it; empty for the global evaluation interval
 */
public record RuleGroup(String name, List<Rule> rules, Optional<Duration> interval) {

    public RuleGroup {
        rules = List.copyOf(rules);
    }

    /** A group evaluated at the global evaluation interval. */
    public RuleGroup(String name, List<Rule> rules) {
        this(name, rules, Optional.empty());
    }
}

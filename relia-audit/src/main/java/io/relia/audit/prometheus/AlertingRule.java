package io.relia.audit.prometheus;

import io.relia.core.Location;
import io.relia.core.review.DiscoveredInput;
import io.relia.core.review.InputKind;
import io.relia.core.review.ServiceInventory;
import io.relia.core.spec.ListNode;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.SpecDocument;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One alerting rule as written in a rule file (plain {@code groups:} or a PrometheusRule's {@code spec.groups}).
 *
 * @param name       the alert name
 * @param where      where the {@code alert:} key is written
 * @param expr       the PromQL expression, or empty
 * @param exprAt     where the expression is written
 * @param rule       the rule mapping
 * @param file       the rule file
 */
record AlertingRule(String name, Location where, String expr, Location exprAt, MapNode rule, Path file) {

    Optional<String> label(String key) {
        return rule.map("labels").flatMap(labels -> labels.text(key));
    }

    /** The rule's labels, as text. */
    java.util.Map<String, String> labels() {
        java.util.Map<String, String> labels = new java.util.HashMap<>();
        rule.map("labels").ifPresent(map -> map.keys().forEach(key -> labels.put(key, map.text(key).orElse(""))));
        return labels;
    }

    Optional<String> annotation(String key) {
        return rule.map("annotations").flatMap(annotations -> annotations.text(key));
    }

    /** The text of every annotation. */
    List<String> annotations() {
        List<String> texts = new ArrayList<>();
        rule.map("annotations").ifPresent(map -> map.keys().forEach(key -> map.text(key).ifPresent(texts::add)));
        return texts;
    }

    /** The runbook link: {@code runbook_url} or {@code runbook} annotation. */
    Optional<String> runbookLink() {
        return annotation("runbook_url").or(() -> annotation("runbook")).filter(link -> !link.isBlank());
    }

    /** Every alerting rule of the service's rule files, in file order. */
    static List<AlertingRule> all(ServiceInventory inventory) {
        List<AlertingRule> alerts = new ArrayList<>();
        for (DiscoveredInput input : inventory.ofKind(InputKind.PROMETHEUS_RULES)) {
            for (SpecDocument document : input.documents()) {
                if (document.root() instanceof MapNode root) {
                    Optional<ListNode> groups = root.list("groups")
                            .or(() -> root.map("spec").flatMap(spec -> spec.list("groups")));
                    groups.ifPresent(list -> list.items().forEach(group -> read(group, input.path(), alerts)));
                }
            }
        }
        return alerts;
    }

    private static void read(Node group, Path file, List<AlertingRule> alerts) {
        if (!(group instanceof MapNode groupMap)) {
            return;
        }
        groupMap.list("rules").ifPresent(rules -> rules.items().forEach(item -> {
            if (item instanceof MapNode rule && rule.text("alert").isPresent()) {
                Location exprAt = rule.get("expr").map(Node::location).orElse(rule.location());
                alerts.add(new AlertingRule(rule.text("alert").get(), rule.locationOf("alert"),
                        rule.text("expr").orElse(""), exprAt, rule, file));
            }
        }));
    }
}

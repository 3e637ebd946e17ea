package io.relia.audit.k8s;

import io.relia.core.spec.ListNode;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.ScalarNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Label selector matching, as Kubernetes defines it for matchLabels and matchExpressions. Public for the Prometheus
 * audit, which matches a ServiceMonitor's selector to the Services of the tree.
 */
public final class LabelSelectors {

    private LabelSelectors() {
    }

    /**
     * True when a selector selects a pod with {@code labels}; a missing or empty selector selects nothing (as a
     * PodDisruptionBudget's does in the checks that use it).
     */
    public static boolean selects(Optional<MapNode> selector, Map<String, String> labels) {
        if (selector.isEmpty() || selector.get().keys().isEmpty()) {
            return false;
        }
        return matches(selector.get(), labels);
    }

    /**
     * True when a pod selector of a NetworkPolicy selects a pod with {@code labels}: there the empty selector
     * ({@code podSelector: {}}) selects every pod of the namespace; a missing one selects nothing.
     */
    static boolean selectsInNamespace(Optional<MapNode> selector, Map<String, String> labels) {
        if (selector.isEmpty()) {
            return false;
        }
        return selector.get().keys().isEmpty() || matches(selector.get(), labels);
    }

    /**
     * True when a Service's {@code spec.selector} (plain label equality, no matchLabels) selects a pod with
     * {@code labels}; a Service without a selector selects no pod of the manifests (its endpoints are managed by
     * hand), nor does an empty one.
     */
    static boolean selectsByEquality(Optional<MapNode> selector, Map<String, String> labels) {
        return selector.filter(map -> !map.keys().isEmpty()).map(map -> map.keys().stream()
                .allMatch(key -> map.text(key).orElse("").equals(labels.get(key)))).orElse(false);
    }

    private static boolean matches(MapNode selector, Map<String, String> labels) {
        Optional<MapNode> matchLabels = selector.map("matchLabels");
        boolean labelsMatch = matchLabels.map(map -> map.keys().stream()
                .allMatch(key -> map.text(key).orElse("").equals(labels.get(key)))).orElse(true);
        Optional<ListNode> expressions = selector.list("matchExpressions");
        boolean expressionsMatch = expressions.map(list -> list.items().stream()
                .allMatch(item -> item instanceof MapNode expression && matchesExpression(expression, labels)))
                .orElse(true);
        return labelsMatch && expressionsMatch && (matchLabels.isPresent() || expressions.isPresent());
    }

    private static boolean matchesExpression(MapNode expression, Map<String, String> labels) {
        String key = expression.text("key").orElse("");
        List<String> values = expression.list("values").map(list -> list.items().stream()
                .map(item -> item instanceof ScalarNode scalar ? scalar.text() : "").toList()).orElse(List.of());
        return switch (expression.text("operator").orElse("")) {
            case "In" -> values.contains(labels.get(key));
            case "NotIn" -> !values.contains(labels.get(key));
            case "Exists" -> labels.containsKey(key);
            case "DoesNotExist" -> !labels.containsKey(key);
            default -> false;
        };
    }
}

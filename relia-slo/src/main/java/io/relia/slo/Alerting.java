package io.relia.slo;

import java.util.Map;
import java.util.TreeMap;

/**
 * The alerts of an SLO: their name, labels and annotations shared by both tiers, and each tier's own.
 *
 * @param name        alert name (both tiers share it, told apart by {@code sloth_severity})
 * @param labels      labels of both alerts
 * @param annotations annotations of both alerts
 * @param page        the page tier (fast burn)
 * @param ticket      the ticket tier (slow burn)
 */
public record Alerting(String name, Map<String, String> labels, Map<String, String> annotations, AlertTier page,
                       AlertTier ticket) {

    public Alerting {
        labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
        annotations = java.util.Collections.unmodifiableMap(new TreeMap<>(annotations));
    }

    /** No alerts at all. */
    public static Alerting none() {
        return new Alerting("", Map.of(), Map.of(), new AlertTier(true, Map.of(), Map.of()),
                new AlertTier(true, Map.of(), Map.of()));
    }
}

package io.relia.slo;

import java.util.Map;
import java.util.TreeMap;

/**
 * One of the two burn-rate alerts of an SLO (page or ticket): switched off, or with its own labels and annotations.
 *
 * @param disabled    true when this tier emits no alert
 * @param labels      labels of this tier's alert
 * @param annotations annotations of this tier's alert
 * @param forDuration the alert's {@code for:} clause; empty (Sloth's way) fires on the first evaluation
 */
public record AlertTier(boolean disabled, Map<String, String> labels, Map<String, String> annotations,
                        java.util.Optional<java.time.Duration> forDuration) {

    public static final AlertTier DEFAULT = new AlertTier(false, Map.of(), Map.of());

    public AlertTier {
        labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
        annotations = java.util.Collections.unmodifiableMap(new TreeMap<>(annotations));
        java.util.Objects.requireNonNull(forDuration, "forDuration");
    }

    /** A tier without a {@code for:} clause, as Sloth emits them. */
    public AlertTier(boolean disabled, Map<String, String> labels, Map<String, String> annotations) {
        this(disabled, labels, annotations, java.util.Optional.empty());
    }
}

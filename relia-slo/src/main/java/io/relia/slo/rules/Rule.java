package io.relia.slo.rules;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** One Prometheus rule: a recording rule or an alerting rule. Labels and annotations are kept sorted. */
public sealed interface Rule permits Rule.Recording, Rule.Alert {

    String expr();

    Map<String, String> labels();

    /**
     * A recording rule.
     *
     * @param record the recorded series name
     * @param expr   PromQL
     * @param labels labels added to the series
     */
    record Recording(String record, String expr, Map<String, String> labels) implements Rule {
        public Recording {
            labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
        }
    }

    /**
     * An alerting rule.
     *
     * @param alert       the alert name
     * @param expr        PromQL
     * @param forDuration the {@code for:} clause, or empty (Sloth emits none)
     * @param labels      alert labels
     * @param annotations alert annotations
     */
    record Alert(String alert, String expr, Optional<String> forDuration, Map<String, String> labels,
                 Map<String, String> annotations) implements Rule {
        public Alert {
            labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
            annotations = java.util.Collections.unmodifiableMap(new TreeMap<>(annotations));
        }
    }
}

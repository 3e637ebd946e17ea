package io.relia.slo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One of Sloth's built-in SLO plugins (those shipped inside the Sloth binary) in an SLO's chain, with its validated
 * configuration. Plugins of priority below 0 run before Sloth's default rule plugins, the others after them, each
 * group in ascending priority; the rule generator applies them as Sloth does.
 */
public sealed interface SlothPlugin {

    /** Ascending order within the chain; below 0 runs before the default rule plugins. */
    int priority();

    /** {@code sloth.dev/core/debug/v1}, {@code noop/v1}, {@code validate/v1}: the rules stay as they are. */
    record Neutral(String id, int priority) implements SlothPlugin {
    }

    /** {@code sloth.dev/contrib/info_labels/v1}: labels merged into one metadata recording (sloth_slo_info). */
    record InfoLabels(int priority, Map<String, String> labels, String metricName) implements SlothPlugin {
        public InfoLabels {
            labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
        }
    }

    /**
     * {@code sloth.dev/contrib/remove_labels/v1}: recording rules keep only the SLO's ID labels (and
     * {@code sloth_window} on SLI recordings) and {@code preserveLabels}; {@code skipMetrics} and sloth_slo_info are
     * left alone.
     */
    record RemoveLabels(int priority, List<String> preserveLabels, List<String> skipMetrics) implements SlothPlugin {
        public RemoveLabels {
            preserveLabels = List.copyOf(preserveLabels);
            skipMetrics = List.copyOf(skipMetrics);
        }
    }

    /** {@code sloth.dev/contrib/rule_intervals/v1}: evaluation intervals of the three rule groups. */
    record RuleIntervals(int priority, Duration defaultInterval, Optional<Duration> sliError,
                         Optional<Duration> metadata, Optional<Duration> alert) implements SlothPlugin {
    }

    /**
     * {@code sloth.dev/contrib/error_budget_exhausted_alert/v1}: an alert when the period's remaining error budget is
     * at or below {@code threshold} (ratio).
     */
    record BudgetExhaustedAlert(int priority, double threshold, Duration forDuration, String alertName,
                                Map<String, String> selectorLabels, Map<String, String> alertLabels,
                                Map<String, String> annotations) implements SlothPlugin {
        public BudgetExhaustedAlert {
            selectorLabels = java.util.Collections.unmodifiableMap(new TreeMap<>(selectorLabels));
            alertLabels = java.util.Collections.unmodifiableMap(new TreeMap<>(alertLabels));
            annotations = java.util.Collections.unmodifiableMap(new TreeMap<>(annotations));
        }
    }
}

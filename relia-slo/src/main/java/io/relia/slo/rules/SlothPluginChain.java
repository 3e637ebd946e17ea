package io.relia.slo.rules;

import io.relia.core.value.Durations;
import io.relia.slo.Slo;
import io.relia.slo.SlothPlugin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Applies an SLO's Sloth built-in plugins to the rules of Sloth's default plugins, in Sloth's order: plugins of
 * priority below 0 ran before the default plugins, which then replaced every group's rules (so only the intervals
 * such a plugin set remain); the others run after them, in ascending priority (stable).
 */
final class SlothPluginChain {

    /** The three groups' rules and intervals, changed plugin by plugin. */
    private final List<Rule> sli;
    private final List<Rule> meta;
    private final List<Rule> alerts;
    private Optional<Duration> sliInterval = Optional.empty();
    private Optional<Duration> metaInterval = Optional.empty();
    private Optional<Duration> alertInterval = Optional.empty();

    private SlothPluginChain(List<Rule> sli, List<Rule> meta, List<Rule> alerts) {
        this.sli = new ArrayList<>(sli);
        this.meta = new ArrayList<>(meta);
        this.alerts = new ArrayList<>(alerts);
    }

    /** The SLO's rule groups once its plugins ran; the alert group only when it holds a rule. */
    static List<RuleGroup> apply(Slo slo, Map<String, String> extraLabels, List<Rule> sli, List<Rule> meta,
                                 List<Rule> alerts) {
        SlothPluginChain chain = new SlothPluginChain(sli, meta, alerts);
        List<SlothPlugin> plugins = slo.extensions().slothPlugins().stream()
                .sorted(Comparator.comparingInt(SlothPlugin::priority)).toList();
        for (SlothPlugin plugin : plugins) {
            if (plugin.priority() >= 0) {
                chain.run(plugin, slo, extraLabels);
            } else if (plugin instanceof SlothPlugin.RuleIntervals intervals) {
                chain.intervals(intervals);
            }
        }
        List<RuleGroup> groups = new ArrayList<>();
        groups.add(new RuleGroup("sloth-slo-sli-recordings-" + slo.id(), chain.sli, chain.sliInterval));
        groups.add(new RuleGroup("sloth-slo-meta-recordings-" + slo.id(), chain.meta, chain.metaInterval));
        if (!chain.alerts.isEmpty()) {
            groups.add(new RuleGroup("sloth-slo-alerts-" + slo.id(), chain.alerts, chain.alertInterval));
        }
        return groups;
    }

    private void run(SlothPlugin plugin, Slo slo, Map<String, String> extraLabels) {
        switch (plugin) {
            case SlothPlugin.Neutral neutral -> {
                // debug logs, noop does nothing, validate checks what the reader already checked.
            }
            case SlothPlugin.InfoLabels info -> infoLabels(info);
            case SlothPlugin.RemoveLabels remove -> removeLabels(remove);
            case SlothPlugin.RuleIntervals intervals -> intervals(intervals);
            case SlothPlugin.BudgetExhaustedAlert alert -> alerts.add(budgetExhausted(alert, slo, extraLabels));
        }
    }

    private void infoLabels(SlothPlugin.InfoLabels info) {
        for (int i = 0; i < meta.size(); i++) {
            if (meta.get(i) instanceof Rule.Recording recording && recording.record().equals(info.metricName())) {
                Map<String, String> labels = new LinkedHashMap<>(recording.labels());
                labels.putAll(info.labels());
                meta.set(i, new Rule.Recording(recording.record(), recording.expr(), labels));
                return;
            }
        }
    }

    private void removeLabels(SlothPlugin.RemoveLabels remove) {
        Set<String> preserve = new HashSet<>(List.of("sloth_window", "sloth_id", "sloth_service", "sloth_slo"));
        preserve.addAll(remove.preserveLabels());
        Set<String> skip = new HashSet<>(remove.skipMetrics());
        skip.add("sloth_slo_info");
        keepOnly(sli, preserve, skip);
        preserve.remove("sloth_window");
        keepOnly(meta, preserve, skip);
    }

    private static void keepOnly(List<Rule> rules, Set<String> preserve, Set<String> skip) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i) instanceof Rule.Recording recording && !skip.contains(recording.record())) {
                Map<String, String> labels = recording.labels().entrySet().stream()
                        .filter(entry -> preserve.contains(entry.getKey()))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
                rules.set(i, new Rule.Recording(recording.record(), recording.expr(), labels));
            }
        }
    }

    private void intervals(SlothPlugin.RuleIntervals intervals) {
        sliInterval = Optional.of(intervals.sliError().orElse(intervals.defaultInterval()));
        metaInterval = Optional.of(intervals.metadata().orElse(intervals.defaultInterval()));
        alertInterval = Optional.of(intervals.alert().orElse(intervals.defaultInterval()));
    }

    /** {@code slo:period_error_budget_remaining:ratio{<the SLO's labels>} <= threshold}, as the plugin writes it. */
    private static Rule budgetExhausted(SlothPlugin.BudgetExhaustedAlert alert, Slo slo,
                                        Map<String, String> extraLabels) {
        Map<String, String> selector = new TreeMap<>();
        selector.put("sloth_slo", slo.name());
        selector.put("sloth_service", slo.service());
        selector.put("sloth_id", slo.id());
        selector.putAll(slo.labels());
        selector.putAll(extraLabels);
        selector.putAll(alert.selectorLabels());
        String matchers = selector.entrySet().stream()
                .map(entry -> entry.getKey() + "=\"" + entry.getValue().replace("\\", "\\\\").replace("\"", "\\\"")
                        + "\"")
                .collect(Collectors.joining(", ", "{", "}"));
        return new Rule.Alert(alert.alertName(), "slo:period_error_budget_remaining:ratio" + matchers + " <= "
                + GoFloat.g(alert.threshold()), Optional.of(Durations.formatPrometheus(alert.forDuration())),
                alert.alertLabels(), alert.annotations());
    }
}

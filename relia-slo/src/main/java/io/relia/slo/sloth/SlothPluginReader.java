package io.relia.slo.sloth;

import io.relia.core.spec.Fields;
import io.relia.core.spec.ListNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.ScalarNode;
import io.relia.core.value.Durations;
import io.relia.core.value.Parsed;
import io.relia.slo.SlothPlugin;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an SLO plugin chain ({@code chain: [{id, priority, config}]}) into Sloth's built-in plugins Relia applies;
 * a plugin it does not implement is a located error naming it, never rules that differ from Sloth's.
 */
final class SlothPluginReader {

    private static final Set<String> NEUTRAL = Set.of("sloth.dev/core/debug/v1", "sloth.dev/core/noop/v1",
            "sloth.dev/core/validate/v1");
    private static final String INFO_LABELS = "sloth.dev/contrib/info_labels/v1";
    private static final String REMOVE_LABELS = "sloth.dev/contrib/remove_labels/v1";
    private static final String RULE_INTERVALS = "sloth.dev/contrib/rule_intervals/v1";
    private static final String BUDGET_EXHAUSTED = "sloth.dev/contrib/error_budget_exhausted_alert/v1";
    private static final List<String> SUPPORTED = List.of("sloth.dev/core/debug/v1", "sloth.dev/core/noop/v1",
            "sloth.dev/core/validate/v1", INFO_LABELS, REMOVE_LABELS, RULE_INTERVALS, BUDGET_EXHAUSTED);

    private SlothPluginReader() {
    }

    /** The chain under {@code key} of {@code owner}, in spec order; problems go to the owner's problems. */
    static List<SlothPlugin> read(Fields owner, String key) {
        List<SlothPlugin> out = new ArrayList<>();
        owner.child(key).ifPresent(plugins -> {
            plugins.known(List.of("overrides_default_chain", "overridesDefaultChain", "overridePrevious",
                    "override_previous", "chain"));
            for (String override : List.of("overrides_default_chain", "overridesDefaultChain", "overridePrevious",
                    "override_previous")) {
                if (plugins.bool(override).orElse(false)) {
                    plugins.problems().error(plugins.valueLocation(override),
                            "a plugin chain that replaces Sloth's default rule plugins is not supported",
                            "Sloth's default rule generation, with the built-in plugins " + String.join(", ",
                                    SUPPORTED), "");
                }
            }
            plugins.children("chain").orElse(List.of()).forEach(plugin -> plugin(plugin).ifPresent(out::add));
        });
        return out;
    }

    private static Optional<SlothPlugin> plugin(Fields plugin) {
        plugin.known(List.of("id", "priority", "config"));
        Optional<String> id = plugin.requireText("id", "a Sloth SLO plugin ID");
        int priority = plugin.number("priority", "an integer").map(BigDecimal::intValue).orElse(0);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Fields config = plugin.child("config").orElseGet(() -> new Fields(
                new io.relia.core.spec.MapNode(Map.of(), plugin.map().location()), plugin.problems(),
                plugin.where() + ".config"));
        long before = plugin.problems().errorCount();
        Optional<SlothPlugin> read = switch (id.get()) {
            case INFO_LABELS -> infoLabels(config, priority);
            case REMOVE_LABELS -> removeLabels(config, priority);
            case RULE_INTERVALS -> ruleIntervals(plugin, config, priority);
            case BUDGET_EXHAUSTED -> budgetExhausted(config, priority);
            default -> {
                if (NEUTRAL.contains(id.get())) {
                    yield Optional.of(new SlothPlugin.Neutral(id.get(), priority));
                }
                plugin.problems().error(plugin.valueLocation("id"), "Sloth SLO plugin \"" + id.get()
                        + "\" is not supported: the rules would differ from Sloth's", "one of "
                        + String.join(", ", SUPPORTED), "generate this SLO with Sloth itself, or drop the plugin");
                yield Optional.empty();
            }
        };
        return plugin.problems().errorCount() > before ? Optional.empty() : read;
    }

    private static Optional<SlothPlugin> infoLabels(Fields config, int priority) {
        config.known(List.of("labels", "metricName"));
        Map<String, String> labels = config.textMap("labels");
        if (labels.isEmpty()) {
            config.problems().error(config.map().location(), "the info_labels plugin has no labels",
                    "config.labels with at least one label", "");
            return Optional.empty();
        }
        return Optional.of(new SlothPlugin.InfoLabels(priority, labels,
                config.text("metricName", "a metric name").orElse("sloth_slo_info")));
    }

    private static Optional<SlothPlugin> removeLabels(Fields config, int priority) {
        config.known(List.of("preserveLabels", "skipMetrics"));
        return Optional.of(new SlothPlugin.RemoveLabels(priority, strings(config, "preserveLabels"),
                strings(config, "skipMetrics")));
    }

    private static Optional<SlothPlugin> ruleIntervals(Fields plugin, Fields config, int priority) {
        config.known(List.of("interval"));
        Optional<Fields> interval = config.child("interval");
        if (interval.isEmpty() || !interval.get().map().has("default")) {
            plugin.problems().error(interval.map(i -> i.map().location()).orElse(config.map().location()),
                    "the rule_intervals plugin has no default interval", "config.interval.default, such as 1m", "");
            return Optional.empty();
        }
        Fields fields = interval.get().known(List.of("default", "sliError", "metadata", "alert"));
        Optional<Duration> all = duration(fields, "default");
        return all.map(value -> new SlothPlugin.RuleIntervals(priority, value, duration(fields, "sliError"),
                duration(fields, "metadata"), duration(fields, "alert")));
    }

    private static Optional<SlothPlugin> budgetExhausted(Fields config, int priority) {
        config.known(List.of("threshold", "for", "annotations", "alert_name", "selector_labels", "alert_labels"));
        double threshold = config.number("threshold", "a ratio such as 0.1").map(BigDecimal::doubleValue).orElse(0.0);
        Duration forDuration = duration(config, "for").orElse(Duration.ofMinutes(5));
        String name = config.text("alert_name", "an alert name").filter(text -> !text.isBlank())
                .orElse("ErrorBudgetExhausted");
        return Optional.of(new SlothPlugin.BudgetExhaustedAlert(priority, threshold, forDuration, name,
                config.textMap("selector_labels"), config.textMap("alert_labels"), config.textMap("annotations")));
    }

    private static Optional<Duration> duration(Fields fields, String key) {
        if (!fields.map().has(key)) {
            return Optional.empty();
        }
        Optional<String> text = fields.text(key, "a duration such as 5m");
        if (text.isPresent() && Durations.parse(text.get()) instanceof Parsed.Ok<Duration> ok
                && !ok.value().isNegative()) {
            return Optional.of(ok.value());
        }
        text.ifPresent(value -> fields.problems().error(fields.valueLocation(key), "\"" + value
                + "\" is not a duration", "a duration such as 30s, 5m or 1h", ""));
        return Optional.empty();
    }

    private static List<String> strings(Fields fields, String key) {
        List<String> out = new ArrayList<>();
        Optional<Node> node = fields.map().get(key);
        if (node.isEmpty()) {
            return out;
        }
        if (!(node.get() instanceof ListNode list)) {
            fields.problems().error(fields.valueLocation(key), "\"" + key + "\" is " + node.get().describe(),
                    "a list of names", "");
            return out;
        }
        for (Node item : list.items()) {
            if (item instanceof ScalarNode scalar && !scalar.isNull()) {
                out.add(scalar.text());
            } else {
                fields.problems().error(item.location(), "an entry of \"" + key + "\" is " + item.describe(),
                        "a name", "");
            }
        }
        return out;
    }
}

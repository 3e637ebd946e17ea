package io.relia.slo.rules;

import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes rule groups as a Prometheus rule file ({@code promtool check rules} reads it) or as a prometheus-operator
 * {@code PrometheusRule} resource. Multi-line expressions are literal blocks, as Sloth writes them.
 */
public final class PrometheusRuleWriter {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    private PrometheusRuleWriter() {
    }

    /** A rule file: {@code header} lines become comments at the top. */
    public static String ruleFile(List<RuleGroup> groups, List<String> header) {
        return comments(header) + YAML.writeValueAsString(Map.of("groups", groupsView(groups)));
    }

    /** A {@code monitoring.coreos.com/v1 PrometheusRule} resource holding the groups. */
    public static String prometheusRule(String name, Map<String, String> labels, List<RuleGroup> groups,
                                        List<String> header) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        if (!labels.isEmpty()) {
            metadata.put("labels", labels);
        }
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("apiVersion", "monitoring.coreos.com/v1");
        resource.put("kind", "PrometheusRule");
        resource.put("metadata", metadata);
        resource.put("spec", Map.of("groups", groupsView(groups)));
        return comments(header) + YAML.writeValueAsString(resource);
    }

    private static String comments(List<String> header) {
        StringBuilder out = new StringBuilder();
        header.forEach(line -> out.append("# ").append(line).append('\n'));
        if (!header.isEmpty()) {
            out.append('\n');
        }
        return out.toString();
    }

    private static List<Object> groupsView(List<RuleGroup> groups) {
        List<Object> out = new ArrayList<>();
        for (RuleGroup group : groups) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("name", group.name());
            view.put("rules", group.rules().stream().map(PrometheusRuleWriter::ruleView).toList());
            out.add(view);
        }
        return out;
    }

    private static Map<String, Object> ruleView(Rule rule) {
        Map<String, Object> view = new LinkedHashMap<>();
        switch (rule) {
            case Rule.Recording recording -> {
                view.put("record", recording.record());
                view.put("expr", recording.expr());
                putIfAny(view, "labels", recording.labels());
            }
            case Rule.Alert alert -> {
                view.put("alert", alert.alert());
                view.put("expr", alert.expr());
                alert.forDuration().ifPresent(duration -> view.put("for", duration));
                putIfAny(view, "labels", alert.labels());
                putIfAny(view, "annotations", alert.annotations());
            }
        }
        return view;
    }

    private static void putIfAny(Map<String, Object> view, String key, Map<String, String> values) {
        if (!values.isEmpty()) {
            view.put(key, values);
        }
    }
}

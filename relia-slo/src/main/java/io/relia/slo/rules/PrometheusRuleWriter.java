package io.relia.slo.rules;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes rule groups as a Prometheus rule file ({@code promtool check rules} reads it) or as a prometheus-operator
 * {@code PrometheusRule} resource. Multi-line expressions are literal blocks, as Sloth writes them.
 */
public final class PrometheusRuleWriter {

    private PrometheusRuleWriter() {
    }

    /** A rule file: {@code header} lines become comments at the top. */
    public static String ruleFile(List<RuleGroup> groups, List<String> header) {
        StringWriter out = new StringWriter();
        try {
            writeRuleFile(groups, header, out);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toString();
    }

    /**
     * Streams a rule file group by group, so that rules for thousands of SLOs never sit in memory as one string
     * (10,000 SLOs make a 75 MB file).
     */
    public static void writeRuleFile(List<RuleGroup> groups, List<String> header, Writer out) throws IOException {
        out.write(comments(header));
        if (groups.isEmpty()) {
            out.write("groups: []\n");
            return;
        }
        out.write("groups:\n");
        // Groups are rendered in parallel, a chunk at a time, and written in order: memory stays bounded by the
        // chunk, and both cores work on large files.
        for (int start = 0; start < groups.size(); start += CHUNK) {
            List<RuleGroup> chunk = groups.subList(start, Math.min(groups.size(), start + CHUNK));
            List<String> rendered = (chunk.size() > 64 ? chunk.parallelStream() : chunk.stream())
                    .map(PrometheusRuleWriter::render).toList();
            for (String text : rendered) {
                out.write(text);
            }
        }
    }

    /** Groups rendered together before writing; large enough to keep two cores busy. */
    private static final int CHUNK = 2048;

    private static String render(RuleGroup group) {
        StringBuilder buffer = new StringBuilder(4096).append("  - ");
        new RuleYaml(buffer).mapping(groupView(group), 4, true);
        return buffer.toString();
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
        return comments(header) + yaml(resource);
    }

    private static String yaml(Map<String, ?> document) {
        StringBuilder out = new StringBuilder(1024);
        new RuleYaml(out).mapping(document, 0, false);
        return out.toString();
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
            out.add(groupView(group));
        }
        return out;
    }

    private static Map<String, Object> groupView(RuleGroup group) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", group.name());
        view.put("rules", group.rules().stream().map(PrometheusRuleWriter::ruleView).toList());
        return view;
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

package io.relia.slo.rules;

import io.relia.slo.Slo;
import io.relia.slo.SloFile;
import io.relia.slo.SloResource;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

    /** The labels Sloth gives its PrometheusRules, with Relia as the manager. */
    private static final Map<String, String> MANAGED = Map.of("app.kubernetes.io/component", "SLO",
            "app.kubernetes.io/managed-by", "relia");

    /** Groups rendered together before writing; large enough to keep two cores busy. */
    private static final int CHUNK = 2048;

    private static String render(RuleGroup group) {
        StringBuilder buffer = new StringBuilder(4096).append("  - ");
        new RuleYaml(buffer).mapping(groupView(group), 4, true);
        return buffer.toString();
    }

    /**
     * The metadata of a PrometheusRule resource.
     *
     * @param namespace empty for none (the namespace it is applied in)
     */
    public record Metadata(String name, String namespace, Map<String, String> labels,
                           Map<String, String> annotations) {
    }

    /**
     * One PrometheusRule per Kubernetes resource the file's SLOs were read from, keeping its name, namespace, labels
     * and annotations (as Sloth and Pyrra write them, so the operator's rule selector still picks them up), and one
     * named {@code fallbackName} for the SLOs of no resource.
     */
    public static List<String> prometheusRules(SloFile file, SlothRules.Options options, List<String> header,
                                               String fallbackName) {
        Map<String, Slo> byId = new LinkedHashMap<>();
        file.slos().forEach(slo -> byId.put(slo.id(), slo));
        List<String> documents = new ArrayList<>();
        for (SloResource resource : file.resources()) {
            List<RuleGroup> groups = resource.sloIds().stream().map(byId::remove).filter(Objects::nonNull)
                    .flatMap(slo -> SlothRules.generate(slo, options).stream()).toList();
            Map<String, String> labels = new LinkedHashMap<>(resource.labels());
            labels.putAll(MANAGED);
            documents.add(prometheusRule(new Metadata(resource.name(), resource.namespace(), labels,
                    resource.annotations()), groups, header));
        }
        if (!byId.isEmpty()) {
            List<RuleGroup> groups = byId.values().stream().flatMap(slo -> SlothRules.generate(slo, options).stream())
                    .toList();
            documents.add(prometheusRule(new Metadata(fallbackName, "", MANAGED, Map.of()), groups, header));
        }
        return documents;
    }

    /** A {@code monitoring.coreos.com/v1 PrometheusRule} resource holding the groups. */
    public static String prometheusRule(Metadata meta, List<RuleGroup> groups, List<String> header) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", meta.name());
        if (!meta.namespace().isEmpty()) {
            metadata.put("namespace", meta.namespace());
        }
        if (!meta.labels().isEmpty()) {
            metadata.put("labels", new java.util.TreeMap<>(meta.labels()));
        }
        if (!meta.annotations().isEmpty()) {
            metadata.put("annotations", new java.util.TreeMap<>(meta.annotations()));
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
        group.interval().ifPresent(interval -> view.put("interval", io.relia.core.value.Durations.formatPrometheus(
                interval)));
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

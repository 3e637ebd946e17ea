package io.relia.audit.prometheus;

import io.relia.audit.k8s.LabelSelectors;
import io.relia.core.spec.MapNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code job} label prometheus-operator gives what a ServiceMonitor or PodMonitor scrapes, as its CRDs define
 * it: a ServiceMonitor's job is the value of its {@code jobLabel} on the selected Service, else the Service's name; a
 * PodMonitor's is the value of its {@code jobLabel} on the pod, else {@code namespace/name} of the PodMonitor.
 */
final class ServiceJobs {

    private ServiceJobs() {
    }

    /**
     * The jobs of a ServiceMonitor: from the Services of the tree its {@code selector} selects; when
     * none is in the tree, the selector's value of {@code jobLabel} and the monitor's own name (Services are
     * usually named like their monitor).
     */
    static Set<String> of(MapNode monitor, List<MapNode> services) {
        Map<String, String> selector = selector(monitor);
        String jobLabel = jobLabel(monitor);
        Set<String> jobs = new LinkedHashSet<>();
        Optional<MapNode> selects = monitor.map("spec").flatMap(spec -> spec.map("selector"));
        for (MapNode service : services) {
            Map<String, String> labels = ScrapeSources.labels(service.map("metadata")
                    .flatMap(metadata -> metadata.map("labels")));
            if (LabelSelectors.selects(selects, labels)) {
                jobs.add(labels.getOrDefault(jobLabel, ScrapeSources.name(service)));
            }
        }
        if (jobs.isEmpty()) {
            if (selector.containsKey(jobLabel)) {
                jobs.add(selector.get(jobLabel));
            }
            jobs.add(ScrapeSources.name(monitor));
        }
        return jobs;
    }

    /** The jobs of a PodMonitor: the selector's value of {@code jobLabel}, else {@code namespace/name}. */
    static Set<String> ofPods(MapNode monitor) {
        Map<String, String> selector = selector(monitor);
        String jobLabel = jobLabel(monitor);
        if (selector.containsKey(jobLabel)) {
            return Set.of(selector.get(jobLabel));
        }
        String namespace = monitor.map("metadata").flatMap(metadata -> metadata.text("namespace")).orElse("default");
        return Set.of(namespace + "/" + ScrapeSources.name(monitor), ScrapeSources.name(monitor));
    }

    private static Map<String, String> selector(MapNode monitor) {
        return ScrapeSources.labels(monitor.map("spec").flatMap(spec -> spec.map("selector"))
                .flatMap(selector -> selector.map("matchLabels")));
    }

    private static String jobLabel(MapNode monitor) {
        return monitor.map("spec").flatMap(spec -> spec.text("jobLabel")).orElse("");
    }
}

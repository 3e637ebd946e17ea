package io.relia.audit.k8s;

import io.relia.core.Location;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A workload manifest and its pod template, as the Kubernetes checks and the review's workload table need it.
 *
 * @param object         the manifest object
 * @param file           the manifest file
 * @param kind           Deployment, StatefulSet, DaemonSet, Pod, Job or CronJob
 * @param name           metadata.name
 * @param namespace      metadata.namespace or "default"
 * @param replicas       spec.replicas, or empty when not written
 * @param podLabels      the pod template's labels, in the manifest's order
 * @param podSpec        the pod spec
 * @param containers     the pod's containers (not init containers)
 * @param initContainers the pod's init containers
 */
public record Workload(MapNode object, Path file, String kind, String name, String namespace,
                       Optional<Integer> replicas, Map<String, String> podLabels, MapNode podSpec,
                       List<MapNode> containers, List<MapNode> initContainers) {

    /** Kinds whose replica count is theirs to set. */
    static final Set<String> REPLICATED = Set.of("Deployment", "StatefulSet");
    /** Kinds that run to completion, so liveness and readiness do not apply. */
    static final Set<String> BATCH = Set.of("Job", "CronJob");

    public Workload {
        // In the manifest's order: Map.copyOf's order changes from run to run, and the labels are printed.
        podLabels = Collections.unmodifiableMap(new LinkedHashMap<>(podLabels));
        containers = List.copyOf(containers);
        initContainers = List.copyOf(initContainers);
    }

    /** {@code Deployment/checkout}. */
    public String label() {
        return kind + "/" + name;
    }

    /** True for a Deployment or StatefulSet, whose replica count (or autoscaler) is the manifest's to set. */
    public boolean replicated() {
        return REPLICATED.contains(kind);
    }

    /** Where to point at the workload as a whole: its name. */
    public Location nameLocation() {
        return object.map("metadata").flatMap(metadata -> metadata.get("name")).map(Node::location)
                .orElse(object.location());
    }

    static Optional<Workload> of(MapNode object, Path file) {
        String kind = object.text("kind").orElse("");
        Optional<MapNode> spec = object.map("spec");
        Optional<MapNode> pod = switch (kind) {
            case "Deployment", "StatefulSet", "DaemonSet", "Job" -> spec.flatMap(s -> s.map("template"));
            case "CronJob" -> spec.flatMap(s -> s.map("jobTemplate")).flatMap(j -> j.map("spec"))
                    .flatMap(s -> s.map("template"));
            case "Pod" -> Optional.of(object);
            default -> Optional.empty();
        };
        Optional<MapNode> podSpec = pod.flatMap(p -> p.map("spec"));
        if (podSpec.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> labels = new LinkedHashMap<>();
        pod.get().map("metadata").flatMap(metadata -> metadata.map("labels")).ifPresent(map ->
                map.keys().forEach(key -> map.text(key).ifPresent(value -> labels.put(key, value))));
        Optional<Integer> replicas = spec.flatMap(s -> s.text("replicas")).flatMap(Workload::integer);
        String name = object.map("metadata").flatMap(metadata -> metadata.text("name")).orElse("?");
        return Optional.of(new Workload(object, file, kind, name, namespace(object), replicas, labels,
                podSpec.get(), mappings(podSpec.get(), "containers"), mappings(podSpec.get(), "initContainers")));
    }

    private static List<MapNode> mappings(MapNode podSpec, String key) {
        List<MapNode> items = new ArrayList<>();
        podSpec.list(key).ifPresent(list -> {
            for (Node item : list.items()) {
                if (item instanceof MapNode map) {
                    items.add(map);
                }
            }
        });
        return items;
    }

    static String namespace(MapNode object) {
        return object.map("metadata").flatMap(metadata -> metadata.text("namespace")).orElse("default");
    }

    static Optional<Integer> integer(String text) {
        try {
            return Optional.of(Integer.parseInt(text.trim()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}

package io.relia.slo;

import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.ScalarNode;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Kubernetes resource SLOs were read from (Sloth's PrometheusServiceLevel, Pyrra's ServiceLevelObjective): the
 * PrometheusRule generated for it keeps its name, namespace, labels and annotations, so the operator's rule selector
 * picks it up as it picked up the rules Sloth or Pyrra wrote.
 *
 * @param name        {@code metadata.name}
 * @param namespace   {@code metadata.namespace}, empty when not set
 * @param labels      {@code metadata.labels}
 * @param annotations {@code metadata.annotations}
 * @param sloIds      the IDs of the SLOs it holds, in spec order
 */
public record SloResource(String name, String namespace, Map<String, String> labels, Map<String, String> annotations,
                          List<String> sloIds) {

    public SloResource {
        labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
        annotations = java.util.Collections.unmodifiableMap(new TreeMap<>(annotations));
        sloIds = List.copyOf(sloIds);
    }

    /** The resource of {@code root}'s {@code metadata}; empty when it has no name. */
    static java.util.Optional<SloResource> of(MapNode root, List<Slo> slos) {
        java.util.Optional<MapNode> metadata = root.map("metadata");
        java.util.Optional<String> name = metadata.flatMap(m -> m.text("name")).filter(text -> !text.isBlank());
        if (name.isEmpty() || slos.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new SloResource(name.get(), metadata.get().text("namespace").orElse(""),
                strings(metadata.get().map("labels")), strings(metadata.get().map("annotations")),
                slos.stream().map(Slo::id).toList()));
    }

    private static Map<String, String> strings(java.util.Optional<MapNode> map) {
        Map<String, String> out = new TreeMap<>();
        map.ifPresent(m -> m.entries().forEach((key, entry) -> {
            Node value = entry.value();
            if (value instanceof ScalarNode scalar) {
                out.put(key, scalar.text());
            }
        }));
        return out;
    }
}

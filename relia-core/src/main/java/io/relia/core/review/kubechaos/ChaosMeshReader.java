package io.relia.core.review.kubechaos;

import io.relia.core.spec.ListNode;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Chaos Mesh objects ({@code chaos-mesh.org/v1alpha1}): the {@code *Chaos} kinds, {@code Schedule} and
 * {@code Workflow}. Fields as in Chaos Mesh's API ({@code api/v1alpha1}): {@code spec.action}, {@code spec.mode},
 * {@code spec.selector}, {@code spec.duration}; a Schedule's {@code spec.schedule} (cron) and {@code spec.type} with
 * the experiment under the type's lower-camel name ({@code podChaos}); status {@code conditions} (Selected,
 * AllInjected, AllRecovered, Paused) and {@code experiment.desiredPhase} (Run, Stop).
 */
final class ChaosMeshReader {

    private ChaosMeshReader() {
    }

    /** The experiment an object declares; empty for objects that are none (StatusCheck, RemoteCluster). */
    static Optional<OperatorExperiment> read(MapNode object) {
        String kind = object.text("kind").orElse("");
        String name = object.map("metadata").flatMap(metadata -> metadata.text("name")).orElse(kind);
        MapNode spec = object.map("spec").orElse(new MapNode(java.util.Map.of(), object.location()));
        if (kind.endsWith("Chaos")) {
            return Optional.of(new OperatorExperiment("Chaos Mesh", kind, name, object.location(),
                    List.of(fault(kind, spec)), targets(spec), spec.text("duration").map(d -> "once, for " + d)
                    .orElse("once, until deleted"), lastResult(object), false));
        }
        if (kind.equals("Schedule")) {
            String type = spec.text("type").orElse("");
            MapNode inner = spec.map(lowerCamel(type)).orElse(spec);
            return Optional.of(new OperatorExperiment("Chaos Mesh", kind, name, object.location(),
                    List.of(fault(type, inner)), targets(inner), "cron " + spec.text("schedule").orElse("(none)")
                    + inner.text("duration").map(d -> ", each for " + d).orElse(""), lastResult(object), false));
        }
        if (kind.equals("Workflow")) {
            List<String> faults = new ArrayList<>();
            List<String> targets = new ArrayList<>();
            spec.list("templates").map(ListNode::items).orElse(List.of()).forEach(template -> {
                if (template instanceof MapNode step) {
                    String type = step.text("templateType").orElse("");
                    if (type.endsWith("Chaos")) {
                        MapNode inner = step.map(lowerCamel(type)).orElse(step);
                        faults.add(fault(type, inner));
                        targets.add(targets(inner));
                    } else if (type.equals("Schedule")) {
                        MapNode schedule = step.map("schedule").orElse(step);
                        String scheduled = schedule.text("type").orElse("");
                        faults.add(fault(scheduled, schedule.map(lowerCamel(scheduled)).orElse(schedule)) + " ("
                                + schedule.text("schedule").orElse("scheduled") + ")");
                    }
                }
            });
            return Optional.of(new OperatorExperiment("Chaos Mesh", kind, name, object.location(), faults,
                    String.join("; ", targets.stream().distinct().toList()), "workflow, entry "
                    + spec.text("entry").orElse("(none)"), lastResult(object), false));
        }
        return Optional.empty();
    }

    /** {@code NetworkChaos delay}: the kind and its action. */
    private static String fault(String kind, MapNode spec) {
        return kind + spec.text("action").map(action -> " " + action).orElse("");
    }

    /** {@code podChaos} for {@code PodChaos}: where a Schedule or a Workflow step keeps the experiment. */
    private static String lowerCamel(String type) {
        return type.isEmpty() ? "" : type.substring(0, 1).toLowerCase(Locale.ROOT) + type.substring(1);
    }

    /** The selector in words: mode, namespaces, labels, and named pods. */
    static String targets(MapNode spec) {
        List<String> parts = new ArrayList<>();
        spec.text("mode").ifPresent(mode -> parts.add("mode " + mode + spec.text("value").map(v -> " " + v)
                .orElse("")));
        spec.map("selector").ifPresent(selector -> {
            selector.list("namespaces").ifPresent(list -> parts.add("namespaces " + texts(list)));
            selector.map("labelSelectors").ifPresent(labels -> parts.add("labels " + pairs(labels)));
            selector.map("fieldSelectors").ifPresent(fields -> parts.add("fields " + pairs(fields)));
            selector.map("pods").ifPresent(pods -> parts.add("pods " + String.join(", ", pods.keys())));
        });
        return parts.isEmpty() ? "(no selector)" : String.join(", ", parts);
    }

    static String pairs(MapNode map) {
        return String.join(",", map.keys().stream().map(key -> key + "=" + map.text(key).orElse("")).toList());
    }

    static String texts(ListNode list) {
        return String.join(",", list.items().stream().map(ChaosMeshReader::text).toList());
    }

    private static String text(Node node) {
        return node instanceof io.relia.core.spec.ScalarNode scalar ? scalar.text() : node.describe();
    }

    /** What the status records: the conditions that are true and the desired phase. */
    private static Optional<String> lastResult(MapNode object) {
        Optional<MapNode> status = object.map("status");
        if (status.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        status.get().list("conditions").map(ListNode::items).orElse(List.of()).forEach(item -> {
            if (item instanceof MapNode condition && condition.text("status").orElse("").equals("True")) {
                condition.text("type").ifPresent(parts::add);
            }
        });
        status.get().map("experiment").flatMap(experiment -> experiment.text("desiredPhase"))
                .ifPresent(phase -> parts.add("desired phase " + phase));
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", parts));
    }
}

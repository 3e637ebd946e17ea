package io.relia.core.review;

import io.relia.core.spec.MapNode;

import java.util.Optional;

/**
 * Kubernetes-style objects of other tools' formats, told by their {@code apiVersion} group before the generic
 * "Kubernetes manifest" rule takes them: an slo-generator SLO or a Chaos Mesh PodChaos has {@code apiVersion} and
 * {@code kind} too, and calling it a manifest parsed only hid what it was.
 */
final class ForeignKinds {

    private ForeignKinds() {
    }

    static Optional<InputKind> of(MapNode map) {
        String apiVersion = map.text("apiVersion").orElse("");
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : apiVersion;
        InputKind found = switch (group) {
            case "sre.google.com" -> InputKind.SLO_GENERATOR;
            case "n9" -> InputKind.NOBL9;
            case "chaos-mesh.org" -> InputKind.CHAOS_MESH;
            case "litmuschaos.io" -> InputKind.LITMUS_CHAOS;
            case "argoproj.io" -> isLitmusWorkflow(map) ? InputKind.LITMUS_CHAOS : null;
            default -> null;
        };
        return Optional.ofNullable(found);
    }

    /** An Argo Workflow that Litmus (ChaosCenter) generated or runs: its labels or annotations name Litmus. */
    private static boolean isLitmusWorkflow(MapNode map) {
        if (!map.text("kind").orElse("").equals("Workflow") && !map.text("kind").orElse("").equals("CronWorkflow")) {
            return false;
        }
        return map.map("metadata").map(metadata -> metadata.map("labels").map(ForeignKinds::namesLitmus)
                .orElse(false) || metadata.map("annotations").map(ForeignKinds::namesLitmus).orElse(false))
                .orElse(false);
    }

    private static boolean namesLitmus(MapNode entries) {
        return entries.keys().stream().anyMatch(key -> key.contains("litmuschaos")
                || entries.text(key).orElse("").contains("litmuschaos"));
    }
}

package io.relia.core.review;

import io.relia.core.spec.MapNode;
import io.relia.core.spec.SpecDocument;

import java.util.List;
import java.util.Objects;

/**
 * What a file is and whether Relia reads it, in one line: {@code Chaos Mesh PodChaos (chaos-mesh.org/v1alpha1):
 * read by relia review}. Every command that lists files says the same thing about each.
 *
 * @param label  what the file is, with its formats' kinds and versions
 * @param status whether Relia reads it
 * @param reason for {@link Status#NOT_READ}, why and what to do instead; for the others, by what (may be empty)
 */
public record InputReading(String label, Status status, String reason) {

    /** How much of a file Relia uses. */
    public enum Status {
        /** Parsed into Relia's models and checked. */
        READ("read"),
        /** Parsed (so a syntax error is reported) but no check reads its content. */
        PARSED_ONLY("parsed only"),
        /** Recognised by name and not read: another tool's format. */
        NOT_READ("not read");

        private final String text;

        Status(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public InputReading {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code LABEL: read}, {@code LABEL: parsed only} or {@code LABEL: not read — REASON}. */
    public String line() {
        return label + ": " + status.text() + (reason.isEmpty() ? "" : status == Status.NOT_READ ? " — " + reason
                : " " + reason);
    }

    /** What one discovered input is and whether it is read. */
    public static InputReading of(DiscoveredInput input) {
        return of(input.kind(), input.documents(), InputValidator.understands(input.kind()));
    }

    /**
     * What documents of {@code kind} are; {@code validated} says whether an installed validator reads the kind (the
     * formats Relia reads through a validator are read; those it only parses are parsed only).
     */
    public static InputReading of(InputKind kind, List<SpecDocument> documents, boolean validated) {
        String kinds = kinds(documents);
        return switch (kind) {
            case SLO_GENERATOR -> new InputReading((documents.size() == 1 ? "" : documents.size() + " ")
                    + "slo-generator SLO" + (documents.size() == 1 ? "" : "s") + " (sre.google.com/v2)", Status.NOT_READ, "convert to OpenSLO or Sloth; see docs/slo.md");
            case NOBL9 -> new InputReading("Nobl9 " + kinds + " (" + apiVersions(documents) + ")", Status.NOT_READ,
                    "convert to OpenSLO or Sloth; see docs/slo.md");
            case CHAOS_MESH -> new InputReading("Chaos Mesh " + kinds + " (" + apiVersions(documents) + ")",
                    Status.READ, "by relia review (faults, targets, schedule, status); run by Chaos Mesh, "
                    + "not by Relia");
            case LITMUS_CHAOS -> kinds.equals("ChaosExperiment")
                    ? new InputReading("LitmusChaos ChaosExperiment (" + apiVersions(documents) + ")",
                    Status.PARSED_ONLY, "(a fault's definition; the review reads the ChaosEngines that run it)")
                    : new InputReading("LitmusChaos " + kinds + " (" + apiVersions(documents) + ")", Status.READ,
                    "by relia review (faults, targets, schedule, verdicts); run by Litmus, not by Relia");
            case HELM_TEMPLATE -> new InputReading("Helm template", Status.NOT_READ,
                    "not rendered: run `helm template` and review the output");
            case SLO_OPENSLO -> new InputReading("OpenSLO " + kinds + " (" + apiVersions(documents) + ")",
                    apiVersions(documents).contains("v2alpha") ? Status.NOT_READ : Status.READ,
                    apiVersions(documents).contains("v2alpha")
                            ? "OpenSLO v2alpha is a draft Relia refuses; write openslo/v1" : "");
            case SLO_PYRRA -> new InputReading("Pyrra " + kinds + " (" + apiVersions(documents) + ")", Status.READ,
                    "");
            case KUBERNETES -> documents.stream().anyMatch(InputReading::isAudited)
                    ? new InputReading("Kubernetes manifest (" + kinds + ")", Status.READ, "by relia audit")
                    : new InputReading("Kubernetes manifest (" + kinds + ")", Status.PARSED_ONLY, "");
            case PROMETHEUS_RULES -> new InputReading(kinds.contains("PrometheusRule")
                    ? "Prometheus rules (PrometheusRule, monitoring.coreos.com/v1)" : kind.title(), Status.READ, "");
            default -> new InputReading(kind.title(), validated || kind == InputKind.JAVA_SOURCE
                    || kind == InputKind.HELM_CHART || kind == InputKind.RUNBOOK_DOCUMENT
                    || kind == InputKind.METRICS_HISTORY ? Status.READ : Status.PARSED_ONLY, "");
        };
    }

    /** Kinds relia audit's Kubernetes rules read (workloads, their budgets, scalers, services and policies). */
    private static final java.util.Set<String> AUDITED = java.util.Set.of("Deployment", "StatefulSet", "DaemonSet",
            "Job", "CronJob", "Pod", "PodDisruptionBudget", "HorizontalPodAutoscaler", "Service", "Ingress",
            "NetworkPolicy");

    private static boolean isAudited(SpecDocument document) {
        return document.root() instanceof MapNode map && AUDITED.contains(map.text("kind").orElse(""));
    }

    /** The documents' {@code kind}s, in order, each once ({@code Kustomization} for a kustomization.yaml). */
    private static String kinds(List<SpecDocument> documents) {
        List<String> kinds = objects(documents).map(map -> map.text("kind").orElse("Kustomization")).distinct()
                .toList();
        return kinds.isEmpty() ? "objects" : String.join(", ", kinds);
    }

    /** The mappings of the documents: each root, or the items of a root list (OpenSLO's list layout). */
    private static java.util.stream.Stream<MapNode> objects(List<SpecDocument> documents) {
        return documents.stream().flatMap(document -> document.root() instanceof io.relia.core.spec.ListNode list
                ? list.items().stream() : java.util.stream.Stream.of(document.root()))
                .flatMap(node -> node instanceof MapNode map ? java.util.stream.Stream.of(map)
                        : java.util.stream.Stream.empty());
    }

    private static String apiVersions(List<SpecDocument> documents) {
        return String.join(", ", objects(documents).flatMap(map -> map.text("apiVersion").stream()).distinct()
                .toList());
    }
}

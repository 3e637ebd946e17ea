package io.relia.core.review.basic;

import io.relia.core.Finding;
import io.relia.core.Severity;
import io.relia.core.report.Document;
import io.relia.core.review.ChecklistItem;
import io.relia.core.review.DiscoveredInput;
import io.relia.core.review.InputKind;
import io.relia.core.review.ReviewAnalyzer;
import io.relia.core.review.ReviewContext;
import io.relia.core.review.ReviewSection;
import io.relia.core.review.Verdict;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.SpecDocument;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the checklist items Kubernetes manifests answer beyond the reliability audit's rules: autoscalers, network
 * policies and secrets written into the manifest, with a table of the workloads. Resource limits and single
 * replicas are the audit's (its review section decides those items), so no finding is reported twice.
 */
public final class KubernetesAnalyzer implements ReviewAnalyzer {

    private static final Set<String> SCALABLE = Set.of("Deployment", "StatefulSet", "ReplicaSet");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|passwd|secret|token|api_?key|credential).*");

    @Override
    public String id() {
        return "kubernetes";
    }

    @Override
    public Set<ChecklistItem> decides() {
        return EnumSet.of(ChecklistItem.AUTO_SCALING, ChecklistItem.NETWORK_POLICIES, ChecklistItem.SECRETS_MANAGEMENT);
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public ReviewSection analyze(ReviewContext context) {
        List<MapNode> objects = new ArrayList<>();
        for (DiscoveredInput input : context.inventory().ofKind(InputKind.KUBERNETES)) {
            for (SpecDocument document : input.documents()) {
                if (document.root() instanceof MapNode map) {
                    objects.add(map);
                }
            }
        }
        List<Workload> workloads = objects.stream().map(Workload::of).flatMap(Optional::stream).toList();
        if (workloads.isEmpty()) {
            return ReviewSection.empty(id(), "Kubernetes");
        }
        List<MapNode> autoscalers = ofKind(objects, "HorizontalPodAutoscaler");
        List<MapNode> policies = ofKind(objects, "NetworkPolicy");
        List<Verdict> verdicts = new ArrayList<>();
        verdicts.add(autoscaling(workloads, autoscalers));
        verdicts.add(networkPolicies(workloads, policies));
        secrets(workloads).ifPresent(verdicts::add);
        return new ReviewSection(id(), "Kubernetes workloads", verdicts, List.of(),
                List.of(table(workloads, autoscalers, policies)), Map.of("workloads", workloads.size()));
    }

    private static List<MapNode> ofKind(List<MapNode> objects, String kind) {
        return objects.stream().filter(object -> object.text("kind").orElse("").equals(kind)).toList();
    }

    private static Verdict autoscaling(List<Workload> workloads, List<MapNode> autoscalers) {
        List<Finding> findings = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        List<Workload> scalable = workloads.stream().filter(w -> SCALABLE.contains(w.kind())).toList();
        for (Workload workload : scalable) {
            Optional<MapNode> hpa = autoscalerOf(workload, autoscalers);
            if (hpa.isPresent()) {
                MapNode spec = hpa.get().map("spec").orElseThrow();
                evidence.add(workload.label() + ": HPA " + spec.text("minReplicas").orElse("1") + "–"
                        + spec.text("maxReplicas").orElse("?") + " replicas");
            } else {
                findings.add(new Finding("k8s/no-autoscaler", Severity.LOW, workload.label()
                        + " has no HorizontalPodAutoscaler", workload.object().location(),
                        "add a HorizontalPodAutoscaler with minReplicas ≥ 2 targeting " + workload.label()));
            }
        }
        if (scalable.isEmpty()) {
            return Verdict.manual(ChecklistItem.AUTO_SCALING, "no scalable workloads (Deployment, StatefulSet)",
                    List.of());
        }
        String summary = (scalable.size() - findings.size()) + " of " + scalable.size()
                + " scalable workloads have an autoscaler";
        return findings.isEmpty() ? Verdict.pass(ChecklistItem.AUTO_SCALING, summary, evidence)
                : Verdict.fail(ChecklistItem.AUTO_SCALING, summary, evidence, findings);
    }

    private static Optional<MapNode> autoscalerOf(Workload workload, List<MapNode> autoscalers) {
        return autoscalers.stream().filter(hpa -> hpa.map("spec").flatMap(spec -> spec.map("scaleTargetRef"))
                .filter(ref -> ref.text("kind").orElse("").equals(workload.kind())
                        && ref.text("name").orElse("").equals(workload.name()))
                .isPresent() && namespace(hpa).equals(workload.namespace())).findFirst();
    }

    private static Verdict networkPolicies(List<Workload> workloads, List<MapNode> policies) {
        List<Finding> findings = new ArrayList<>();
        for (Workload workload : workloads) {
            boolean selected = policies.stream().anyMatch(policy -> namespace(policy).equals(workload.namespace())
                    && selects(policy, workload.podLabels()));
            if (!selected) {
                findings.add(new Finding("k8s/no-network-policy", Severity.MEDIUM, workload.label()
                        + " is not selected by any NetworkPolicy", workload.object().location(),
                        "add a NetworkPolicy whose podSelector matches its pods and allows only known callers"));
            }
        }
        String summary = (workloads.size() - findings.size()) + " of " + workloads.size()
                + " workloads are covered by a NetworkPolicy";
        return findings.isEmpty() ? Verdict.pass(ChecklistItem.NETWORK_POLICIES, summary, List.of())
                : Verdict.fail(ChecklistItem.NETWORK_POLICIES, summary, List.of(), findings);
    }

    /** A podSelector selects a pod when every matchLabels pair is among its labels (empty selects all). */
    private static boolean selects(MapNode policy, Map<String, String> podLabels) {
        Optional<MapNode> selector = policy.map("spec").flatMap(spec -> spec.map("podSelector"));
        if (selector.isEmpty()) {
            return false;
        }
        Optional<MapNode> matchLabels = selector.get().map("matchLabels");
        if (matchLabels.isEmpty()) {
            return selector.get().list("matchExpressions").isEmpty();
        }
        return matchLabels.get().keys().stream().allMatch(key ->
                matchLabels.get().text(key).orElse("").equals(podLabels.get(key)));
    }

    private static Optional<Verdict> secrets(List<Workload> workloads) {
        List<Finding> findings = new ArrayList<>();
        List<String> fromSecrets = new ArrayList<>();
        for (Workload workload : workloads) {
            for (MapNode container : workload.containers()) {
                container.list("env").ifPresent(env -> env.items().forEach(item -> {
                    if (!(item instanceof MapNode variable)) {
                        return;
                    }
                    String name = variable.text("name").orElse("");
                    if (variable.map("valueFrom").flatMap(from -> from.map("secretKeyRef")).isPresent()) {
                        fromSecrets.add(workload.label() + " " + name + " from a Secret");
                    } else if (SECRET_NAME.matcher(name).matches() && variable.text("value").isPresent()) {
                        findings.add(new Finding("k8s/secret-in-manifest", Severity.HIGH, workload.label()
                                + " sets " + name + " as a literal value", variable.location(),
                                "read it from a Secret (valueFrom.secretKeyRef) or a secret store"));
                    }
                }));
            }
        }
        if (!findings.isEmpty()) {
            return Optional.of(Verdict.fail(ChecklistItem.SECRETS_MANAGEMENT, findings.size()
                    + " secrets written into manifests", fromSecrets, findings));
        }
        if (!fromSecrets.isEmpty()) {
            return Optional.of(Verdict.manual(ChecklistItem.SECRETS_MANAGEMENT, "secrets come from Kubernetes "
                    + "Secrets; confirm how those are created and rotated", fromSecrets));
        }
        return Optional.empty();
    }

    private static Document.Table table(List<Workload> workloads, List<MapNode> autoscalers,
                                        List<MapNode> policies) {
        List<List<Document.Cell>> rows = new ArrayList<>();
        for (Workload workload : workloads) {
            boolean probes = workload.containers().stream().allMatch(c -> c.has("readinessProbe")
                    && c.has("livenessProbe"));
            boolean hpa = autoscalerOf(workload, autoscalers).isPresent();
            boolean policy = policies.stream().anyMatch(p -> namespace(p).equals(workload.namespace())
                    && selects(p, workload.podLabels()));
            rows.add(List.of(Document.Cell.of(workload.label()),
                    Document.Cell.of(SCALABLE.contains(workload.kind()) ? String.valueOf(workload.replicas()) : "-"),
                    yesNo(probes), yesNo(hpa), yesNo(policy), Document.Cell.of(workload.object().location().toString())));
        }
        return new Document.Table(List.of("Workload", "Replicas", "Probes", "Autoscaler", "NetworkPolicy", "Manifest"),
                rows);
    }

    private static Document.Cell yesNo(boolean yes) {
        return yes ? new Document.Cell("yes", Document.Tone.GOOD) : new Document.Cell("no", Document.Tone.BAD);
    }

    static String namespace(MapNode object) {
        return object.map("metadata").flatMap(metadata -> metadata.text("namespace")).orElse("default");
    }

    private static int integer(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException notANumber) {
            return 1;
        }
    }

    /**
     * A workload and its pod template.
     *
     * @param object     the manifest object
     * @param kind       Deployment, StatefulSet, ...
     * @param name       metadata.name
     * @param namespace  metadata.namespace or "default"
     * @param replicas   spec.replicas (1 when absent)
     * @param podLabels  the pod template's labels
     * @param containers the pod's containers
     */
    record Workload(MapNode object, String kind, String name, String namespace, int replicas,
                    Map<String, String> podLabels, List<MapNode> containers) {

        String label() {
            return kind + "/" + name;
        }

        static Optional<Workload> of(MapNode object) {
            String kind = object.text("kind").orElse("");
            Optional<MapNode> spec = object.map("spec");
            Optional<MapNode> pod = switch (kind) {
                case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job" ->
                        spec.flatMap(s -> s.map("template"));
                case "CronJob" -> spec.flatMap(s -> s.map("jobTemplate")).flatMap(j -> j.map("spec"))
                        .flatMap(s -> s.map("template"));
                case "Pod" -> Optional.of(object);
                default -> Optional.empty();
            };
            if (pod.isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> labels = new LinkedHashMap<>();
            pod.get().map("metadata").flatMap(metadata -> metadata.map("labels")).ifPresent(map ->
                    map.keys().forEach(key -> map.text(key).ifPresent(value -> labels.put(key, value))));
            List<MapNode> containers = new ArrayList<>();
            pod.get().map("spec").flatMap(podSpec -> podSpec.list("containers")).ifPresent(list -> {
                for (Node item : list.items()) {
                    if (item instanceof MapNode container) {
                        containers.add(container);
                    }
                }
            });
            int replicas = spec.flatMap(s -> s.text("replicas")).map(KubernetesAnalyzer::integer).orElse(1);
            String name = object.map("metadata").flatMap(metadata -> metadata.text("name")).orElse("?");
            return Optional.of(new Workload(object, kind, name, KubernetesAnalyzer.namespace(object), replicas, labels, containers));
        }
    }
}

package io.relia.audit.k8s;

import io.relia.audit.AuditAnalyzer;
import io.relia.audit.AuditContext;
import io.relia.audit.AuditRule;
import io.relia.core.Finding;
import io.relia.core.Location;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.ScalarNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Audits Kubernetes manifests (multi-document YAML and {@code kind: List} included) for what keeps a workload
 * available: probes, resources, pinned images, replicas, disruption budgets, spreading, autoscalers and their
 * bounds. The rules mirror kube-score, kube-linter and Polaris; each rule's {@code why} names its peers.
 */
public final class KubernetesAuditor implements AuditAnalyzer {

    private final HelmTemplate helm;

    /** An auditor that renders Helm charts with the helm on the PATH, when there is one. */
    public KubernetesAuditor() {
        this(HelmTemplate.onPath());
    }

    KubernetesAuditor(HelmTemplate helm) {
        this.helm = helm;
    }

    @Override
    public String id() {
        return "k8s";
    }

    @Override
    public List<AuditRule> rules() {
        return KubernetesRules.ALL;
    }

    @Override
    public void analyze(AuditContext context) {
        List<RenderedChart> charts = helm.renderAll(context);
        Workloads workloads = Workloads.of(context.inventory(), charts);
        List<Manifest> budgets = workloads.ofKind("PodDisruptionBudget");
        ImageRewrites rewrites = ImageRewrites.of(workloads.manifests());
        OncePerCopy once = new OncePerCopy(context, finding -> RenderedChart.place(charts, finding));
        for (Workload workload : workloads.all()) {
            AuditContext sink = once.sink(workload.object(), workload.file());
            containers(workload, workloads.servingContainers(workload), rewrites, sink);
            replicas(workload, workloads, budgets, sink);
            autoscaled(workload, workloads, sink);
        }
        workloads.ofKind("HorizontalPodAutoscaler").forEach(hpa -> hpaBounds(hpa.object(),
                once.sink(hpa.object(), hpa.file())));
        once.flush();
    }

    /**
     * Probes are asked of the containers of long-running workloads that take traffic (see
     * {@link Workloads#servingContainers}): readiness gates traffic that a load generator, a queue worker or a config
     * reloader sidecar does not take, and kube-score's pod-probes check skips a pod no Service targets for the same
     * reason. Such a worker's wedged process shows in its queue's lag, not in a probe.
     */
    private static void containers(Workload workload, List<MapNode> serving, ImageRewrites rewrites,
                                   AuditContext context) {
        for (MapNode container : workload.containers()) {
            String name = container.text("name").orElse("?");
            Location at = container.get("name").map(Node::location).orElse(container.location());
            Location nameKey = container.has("name") ? container.locationOf("name") : container.location();
            if (!Workload.BATCH.contains(workload.kind()) && serving.stream().anyMatch(c -> c == container)) {
                List<String> missing = new ArrayList<>();
                if (!container.has("readinessProbe")) {
                    missing.add("readinessProbe");
                }
                if (!container.has("livenessProbe")) {
                    missing.add("livenessProbe");
                }
                if (!missing.isEmpty()) {
                    context.report(new Finding(KubernetesRules.MISSING_PROBES.id(), KubernetesRules.MISSING_PROBES
                            .severity(), workload.label() + " container " + name + " has no "
                            + String.join(" and no ", missing), nameKey,
                            "add a readinessProbe (is it ready for traffic?) and a livenessProbe (is it wedged?)"));
                }
            }
            resources(workload, container, name, at, context);
            container.get("image").ifPresent(image -> image(workload, name, image, rewrites, context));
        }
    }

    private static void resources(Workload workload, MapNode container, String name, Location at,
                                  AuditContext context) {
        Optional<MapNode> resources = container.map("resources");
        Optional<MapNode> requests = resources.flatMap(r -> r.map("requests"));
        Optional<MapNode> limits = resources.flatMap(r -> r.map("limits"));
        List<String> missing = new ArrayList<>();
        // A limit without a request is also the request: "If you specify a limit for a resource, but do not
        // specify any request, ... Kubernetes copies the limit" (kubernetes.io, Resource Management for Pods
        // and Containers), so limits-only containers are scheduled as requests = limits.
        for (String resource : List.of("cpu", "memory")) {
            if (requests.flatMap(r -> r.text(resource)).isEmpty() && limits.flatMap(l -> l.text(resource))
                    .isEmpty()) {
                missing.add("requests." + resource);
            }
        }
        if (limits.flatMap(l -> l.text("memory")).isEmpty()) {
            missing.add("limits.memory");
        }
        if (!missing.isEmpty()) {
            Location where = resources.isPresent() ? container.locationOf("resources") : at;
            context.report(new Finding(KubernetesRules.MISSING_RESOURCES.id(),
                    KubernetesRules.MISSING_RESOURCES.severity(), workload.label() + " container " + name
                    + " sets no " + String.join(", ", missing), where,
                    "set resources.requests (cpu, memory) and resources.limits.memory"));
        }
    }

    private static void image(Workload workload, String container, Node image, ImageRewrites rewrites,
                              AuditContext context) {
        if (!(image instanceof ScalarNode scalar) || scalar.isNull()
                || rewrites.pinnedBy(scalar.text(), workload.file()).isPresent()) {
            return;
        }
        ImageTag.of(scalar.text()).problem().ifPresent(problem -> context.report(new Finding(
                KubernetesRules.IMAGE_LATEST_TAG.id(), KubernetesRules.IMAGE_LATEST_TAG.severity(),
                workload.label() + " container " + container + " uses image " + scalar.text() + " (" + problem + ")",
                scalar.location(), "pin a version tag (api:1.4.2) or a digest (api@sha256:...)")));
    }

    private static void replicas(Workload workload, Workloads workloads, List<Manifest> budgets,
                                 AuditContext context) {
        if (!workload.replicated()) {
            return;
        }
        Optional<Integer> hpaMinimum = workloads.horizontalAutoscalerOf(workload)
                .map(hpa -> hpa.object().map("spec").flatMap(spec -> spec.text("minReplicas"))
                        .flatMap(Workload::integer).orElse(1));
        int replicas = workload.replicas().orElse(1);
        int minimum = hpaMinimum.orElse(replicas);
        if (replicas == 0 && hpaMinimum.isEmpty()) {
            return;
        }
        // A single worker that takes no traffic (a load generator, a queue consumer) fails nobody's request while
        // it restarts; kube-score's deployment-replicas check skips a Deployment no Service targets likewise.
        if (minimum < 2 && hpaMinimum.isEmpty() && workloads.serves(workload)) {
            Optional<MapNode> spec = workload.object().map("spec");
            Location where = spec.filter(s -> s.has("replicas")).map(s -> s.locationOf("replicas"))
                    .or(() -> workload.object().has("spec") ? Optional.of(workload.object().locationOf("spec"))
                            : Optional.empty())
                    .orElse(workload.object().location());
            context.report(new Finding(KubernetesRules.SINGLE_REPLICA.id(), KubernetesRules.SINGLE_REPLICA.severity(),
                    workload.label() + " runs a single replica: one node failure or rollout takes it down", where,
                    "run at least 2 replicas (3 for tier-1 services), or an HPA with minReplicas >= 2"));
            return;
        }
        if (minimum < 2) {
            return;
        }
        boolean budgeted = budgets.stream().anyMatch(pdb -> Workload.namespace(pdb.object())
                .equals(workload.namespace()) && LabelSelectors.selects(pdb.object().map("spec")
                .flatMap(spec -> spec.map("selector")), workload.podLabels()));
        if (!budgeted) {
            context.report(new Finding(KubernetesRules.NO_PDB.id(), KubernetesRules.NO_PDB.severity(),
                    workload.label() + " runs " + minimum + "+ replicas but no PodDisruptionBudget selects its pods",
                    workload.nameLocation(), "add a PodDisruptionBudget (maxUnavailable: 1) selecting "
                    + workload.podLabels()));
        }
        boolean spread = workload.podSpec().list("topologySpreadConstraints").filter(list -> list.size() > 0)
                .isPresent() || workload.podSpec().map("affinity").flatMap(a -> a.map("podAntiAffinity")).isPresent();
        if (!spread) {
            context.report(new Finding(KubernetesRules.NO_SPREAD.id(), KubernetesRules.NO_SPREAD.severity(),
                    workload.label() + " runs " + minimum + "+ replicas with nothing spreading them over nodes",
                    workload.nameLocation(), "add topologySpreadConstraints over kubernetes.io/hostname (and "
                    + "topology.kubernetes.io/zone), or a preferred podAntiAffinity"));
        }
    }

    /** A Deployment or StatefulSet that keeps its replica count whatever the load: no HPA, no KEDA ScaledObject. */
    private static void autoscaled(Workload workload, Workloads workloads, AuditContext context) {
        if (!workload.replicated() || workload.replicas().filter(replicas -> replicas == 0).isPresent()
                || workloads.autoscalerOf(workload).isPresent()) {
            return;
        }
        context.report(new Finding(KubernetesRules.NO_AUTOSCALER.id(), KubernetesRules.NO_AUTOSCALER.severity(),
                workload.label() + " has no autoscaler: it runs " + workload.replicas().map(n -> n + " replica(s)")
                        .orElse("1 replica (the default)") + " whatever the load", workload.nameLocation(),
                "add a HorizontalPodAutoscaler (or KEDA ScaledObject) targeting " + workload.label()
                        + " with minReplicas of 2 or more"));
    }

    private static void hpaBounds(MapNode hpa, AuditContext context) {
        Optional<MapNode> spec = hpa.map("spec");
        if (spec.isEmpty()) {
            return;
        }
        String name = hpa.map("metadata").flatMap(m -> m.text("name")).orElse("?");
        MapNode bounds = spec.get();
        Optional<Integer> min = bounds.text("minReplicas").flatMap(Workload::integer);
        Optional<Integer> max = bounds.text("maxReplicas").flatMap(Workload::integer);
        int minimum = min.orElse(1);
        if (minimum < 2) {
            Location where = bounds.has("minReplicas") ? bounds.locationOf("minReplicas") : hpa.locationOf("spec");
            context.report(new Finding(KubernetesRules.HPA_BOUNDS.id(), KubernetesRules.HPA_BOUNDS.severity(),
                    "HorizontalPodAutoscaler/" + name + " may scale down to " + minimum + " replica", where,
                    "set minReplicas: 2 or more"));
        } else if (max.isPresent() && max.get() <= minimum) {
            context.report(new Finding(KubernetesRules.HPA_BOUNDS.id(), KubernetesRules.HPA_BOUNDS.severity(),
                    "HorizontalPodAutoscaler/" + name + " has maxReplicas " + max.get() + " <= minReplicas "
                    + minimum + ": it cannot scale out", bounds.locationOf("maxReplicas"),
                    "set maxReplicas above minReplicas"));
        }
    }
}

package io.relia.audit.k8s;

import io.relia.core.review.ServiceInventory;
import io.relia.core.spec.ListNode;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.ScalarNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The workloads of a service's manifests and the objects that cover them (autoscalers, network policies), matched
 * once, as the Kubernetes checks and the review's workload table both need them. An object covers a workload only
 * in the same namespace (a manifest without one is in "default").
 */
public final class Workloads {

    private static final Set<String> POLICY_KINDS = Set.of("NetworkPolicy", "CiliumNetworkPolicy");

    private final List<Manifest> manifests;
    private final List<Workload> workloads;

    private Workloads(List<Manifest> manifests) {
        this.manifests = List.copyOf(manifests);
        this.workloads = this.manifests.stream()
                .flatMap(manifest -> Workload.of(manifest.object(), manifest.file()).stream()).toList();
    }

    /** The workloads of the service's Kubernetes manifests. */
    public static Workloads of(ServiceInventory inventory) {
        return new Workloads(Manifest.all(inventory));
    }

    /** The workloads of the service's manifests and of manifests rendered from its Helm charts. */
    static Workloads of(ServiceInventory inventory, List<RenderedChart> charts) {
        List<Manifest> manifests = new ArrayList<>(Manifest.all(inventory));
        charts.forEach(chart -> manifests.addAll(chart.manifests()));
        return new Workloads(manifests);
    }

    /** Every workload (Deployment, StatefulSet, DaemonSet, Pod, Job, CronJob), in file order. */
    public List<Workload> all() {
        return workloads;
    }

    /** Every object of the manifests. */
    List<Manifest> manifests() {
        return manifests;
    }

    /** The objects of one kind ({@code DestinationRule}, {@code Service}), in file order. */
    public List<MapNode> objects(String kind) {
        return ofKind(kind).stream().map(Manifest::object).toList();
    }

    List<Manifest> ofKind(String kind) {
        return manifests.stream().filter(manifest -> manifest.kind().equals(kind)).toList();
    }

    /**
     * The HorizontalPodAutoscaler scaling a workload: same namespace, its kind and name as scaleTargetRef, in the
     * same directory tree (two services' manifests in one repository may reuse a name).
     */
    Optional<Manifest> horizontalAutoscalerOf(Workload workload) {
        return targeting(workload, "HorizontalPodAutoscaler", "");
    }

    /** The HorizontalPodAutoscaler or KEDA ScaledObject (whose target kind defaults to Deployment) scaling it. */
    Optional<Manifest> autoscalerOf(Workload workload) {
        return horizontalAutoscalerOf(workload).or(() -> targeting(workload, "ScaledObject", "Deployment"));
    }

    /** The autoscaler of a workload for people: {@code HorizontalPodAutoscaler/api (2-10 replicas)}. */
    public Optional<String> autoscaler(Workload workload) {
        return autoscalerOf(workload).map(scaler -> {
            MapNode spec = scaler.object().map("spec").orElseThrow();
            boolean keda = scaler.kind().equals("ScaledObject");
            String min = spec.text(keda ? "minReplicaCount" : "minReplicas").orElse(keda ? "0" : "1");
            String max = spec.text(keda ? "maxReplicaCount" : "maxReplicas").orElse(keda ? "100" : "?");
            return scaler.kind() + "/" + scaler.name() + " (" + min + "-" + max + " replicas)";
        });
    }

    private Optional<Manifest> targeting(Workload workload, String kind, String defaultTargetKind) {
        Path home = directory(workload.file());
        return ofKind(kind).stream().filter(scaler -> scaler.object().map("spec")
                        .flatMap(spec -> spec.map("scaleTargetRef"))
                        .filter(ref -> ref.text("kind").orElse(defaultTargetKind).equals(workload.kind())
                                && ref.text("name").orElse("").equals(workload.name()))
                        .isPresent()
                        && scaler.namespace().equals(workload.namespace())
                        && (directory(scaler.file()).startsWith(home) || home.startsWith(directory(scaler.file()))))
                .findFirst();
    }

    /**
     * The first NetworkPolicy (or CiliumNetworkPolicy) of the workload's namespace that selects its pods and limits
     * who may reach them: its policyTypes include Ingress (as they do when not written), or, for Cilium, it has
     * ingress rules. A policy that only limits egress leaves the pods open.
     */
    Optional<Manifest> ingressPolicyOf(Workload workload) {
        return manifests.stream().filter(policy -> POLICY_KINDS.contains(policy.kind()))
                .filter(policy -> policy.namespace().equals(workload.namespace()))
                .filter(policy -> policy.object().map("spec").filter(spec -> limitsIngress(policy.kind(), spec)
                        && LabelSelectors.selectsInNamespace(spec.map(policy.kind().equals("NetworkPolicy")
                        ? "podSelector" : "endpointSelector"), workload.podLabels())).isPresent())
                .findFirst();
    }

    /** The policy limiting who reaches a workload, for people: {@code NetworkPolicy/payments}. */
    public Optional<String> networkPolicy(Workload workload) {
        return ingressPolicyOf(workload).map(policy -> policy.kind() + "/" + policy.name());
    }

    /**
     * True when the workload takes traffic: a container declares ports, or a Service of its namespace selects its
     * pods. Probes gate that traffic; a load generator or queue worker has none to gate.
     */
    boolean serves(Workload workload) {
        boolean ports = workload.containers().stream().anyMatch(Workloads::declaresPorts);
        return ports || ofKind("Service").stream().anyMatch(service -> selects(service, workload)
                && nearestSelected(service, workload));
    }

    private static boolean selects(Manifest service, Workload workload) {
        return service.namespace().equals(workload.namespace()) && LabelSelectors.selectsByEquality(service
                .object().map("spec").flatMap(spec -> spec.map("selector")), workload.podLabels());
    }

    /**
     * True when no other workload the Service selects lies nearer to it in the tree: a Service belongs to the
     * bundle it is written in (bank-of-anthos's extras/postgres-hpa/ has a Service for its own copy of the load
     * generator, which says nothing about the one in kubernetes-manifests/). Copies of one workload in several
     * bundles ({@link OncePerCopy}) are told apart by how many leading folders they share with the Service's file.
     */
    private boolean nearestSelected(Manifest service, Workload workload) {
        int distance = sharedFolders(service.file(), workload.file());
        return workloads.stream().noneMatch(other -> other != workload && selects(service, other)
                && sharedFolders(service.file(), other.file()) > distance);
    }

    private static int sharedFolders(Path a, Path b) {
        Path first = a.toAbsolutePath().normalize().getParent();
        Path second = b.toAbsolutePath().normalize().getParent();
        if (first == null || second == null) {
            return 0;
        }
        int shared = 0;
        while (shared < Math.min(first.getNameCount(), second.getNameCount())
                && first.getName(shared).equals(second.getName(shared))) {
            shared++;
        }
        return shared;
    }

    /**
     * The containers of a serving workload that take its traffic: those that declare ports. A sidecar without ports
     * (a config reloader calling localhost, an exporter listening on 127.0.0.1 behind a proxy that has the port) takes
     * none. When no container declares ports but a Service selects the pods, all of them: which one listens cannot
     * be told. None when the workload does not serve.
     */
    List<MapNode> servingContainers(Workload workload) {
        if (!serves(workload)) {
            return List.of();
        }
        List<MapNode> withPorts = workload.containers().stream().filter(Workloads::declaresPorts).toList();
        return withPorts.isEmpty() ? workload.containers() : withPorts;
    }

    private static boolean declaresPorts(MapNode container) {
        return container.list("ports").filter(list -> !list.items().isEmpty()).isPresent();
    }

    /** True when every container of the workload has a readiness and a liveness probe. */
    public static boolean probed(Workload workload) {
        return !workload.containers().isEmpty() && workload.containers().stream()
                .allMatch(container -> container.has("readinessProbe") && container.has("livenessProbe"));
    }

    /**
     * Where the workloads' secrets come from, for people: env and volumes from Kubernetes Secrets, and the secret
     * stores the manifests use (External Secrets, Sealed Secrets, the Secrets Store CSI driver, Vault's injector).
     */
    public List<String> secretSources() {
        List<String> sources = new ArrayList<>();
        for (Workload workload : workloads) {
            List<MapNode> containers = new ArrayList<>(workload.containers());
            containers.addAll(workload.initContainers());
            for (MapNode container : containers) {
                container.list("env").ifPresent(env -> env.items().forEach(item -> {
                    if (item instanceof MapNode variable) {
                        variable.map("valueFrom").flatMap(from -> from.map("secretKeyRef"))
                                .flatMap(ref -> ref.text("name")).ifPresent(secret -> sources.add(workload.label()
                                        + " env " + variable.text("name").orElse("?") + " from Secret " + secret));
                    }
                }));
                container.list("envFrom").ifPresent(env -> env.items().forEach(item -> {
                    if (item instanceof MapNode from) {
                        from.map("secretRef").flatMap(ref -> ref.text("name")).ifPresent(secret -> sources.add(
                                workload.label() + " env from Secret " + secret));
                    }
                }));
            }
            workload.podSpec().list("volumes").ifPresent(volumes -> volumes.items().forEach(item -> {
                if (item instanceof MapNode volume) {
                    volume.map("secret").flatMap(secret -> secret.text("secretName")).ifPresent(secret -> sources.add(
                            workload.label() + " volume from Secret " + secret));
                }
            }));
            workload.object().map("spec").flatMap(spec -> spec.map("template")).flatMap(t -> t.map("metadata"))
                    .flatMap(m -> m.map("annotations")).filter(a -> a.has("vault.hashicorp.com/agent-inject"))
                    .ifPresent(a -> sources.add(workload.label() + " secrets injected by the Vault agent"));
        }
        for (String store : List.of("ExternalSecret", "SealedSecret", "SecretProviderClass")) {
            ofKind(store).forEach(manifest -> sources.add(store + "/" + manifest.name() + " (" + manifest.file()
                    + ")"));
        }
        return sources;
    }

    /** True when the manifests use a secret store rather than Secrets written by hand. */
    public boolean usesSecretStore() {
        return secretSources().stream().anyMatch(source -> source.startsWith("ExternalSecret/")
                || source.startsWith("SealedSecret/") || source.startsWith("SecretProviderClass/")
                || source.endsWith("by the Vault agent"));
    }

    private static boolean limitsIngress(String kind, MapNode spec) {
        if (kind.equals("CiliumNetworkPolicy")) {
            return spec.has("ingress") || spec.has("ingressDeny");
        }
        Optional<ListNode> types = spec.list("policyTypes");
        return types.isEmpty() || types.get().items().stream()
                .anyMatch(type -> type instanceof ScalarNode scalar && scalar.text().equals("Ingress"));
    }

    private static Path directory(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent == null ? file.toAbsolutePath() : parent;
    }
}

package io.relia.audit.k8s;

import io.relia.audit.AuditRule;
import io.relia.audit.AuditRule.Precision;
import io.relia.core.Severity;

import java.util.List;

/** The Kubernetes rules of the audit catalogue. */
final class KubernetesRules {

    static final AuditRule MISSING_PROBES = new AuditRule("k8s/missing-probes", "Container without probes",
            Severity.HIGH,
            "A long-running container (Deployment, StatefulSet, DaemonSet, Pod) without a readinessProbe or a "
                    + "livenessProbe, in a workload that serves: a container declares ports, or a Service of its "
                    + "namespace selects its pods. Only the containers that take the traffic are checked: those "
                    + "with ports, or all of them when none declares ports (which one listens cannot be told); a "
                    + "sidecar without ports (a config reloader, an exporter behind a proxy that has the port) is "
                    + "not. Jobs and CronJobs are not checked, nor workloads that take no traffic (a load generator, "
                    + "a queue worker). A Service that also selects a copy of the workload written nearer to it "
                    + "(in its own folder tree, another bundle of the repository) serves that copy only.",
            "Without a readiness probe a pod gets traffic before it listens and keeps it while it is broken; without "
                    + "a liveness probe a wedged process is never restarted. kube-score pod-probes (critical), "
                    + "kube-linter no-readiness-probe/no-liveness-probe and Polaris readinessProbeMissing/"
                    + "livenessProbeMissing flag the same; High because it turns a bad pod into user-facing errors. "
                    + "A workload nothing sends traffic to has no traffic for a readiness probe to gate, and its "
                    + "wedged process shows in its queue's lag; kube-score skips pods no Service targets likewise.",
            "containers:\n  - name: api\n    image: api:1.4.2",
            "containers:\n  - name: api\n    image: api:1.4.2\n"
                    + "    readinessProbe: {httpGet: {path: /ready, port: 8080}}"
                    + "\n    livenessProbe: {httpGet: {path: /live, port: 8080}}",
            Precision.HIGH, List.of("kubernetes", "probes"));

    static final AuditRule MISSING_RESOURCES = new AuditRule("k8s/missing-resources",
            "Container without CPU/memory requests or memory limit", Severity.MEDIUM,
            "A container that sets no CPU request, no memory request or no memory limit. A limit set without "
                    + "its request counts as the request too: Kubernetes copies the limit into the missing request "
                    + "(limits: {cpu: 500m, memory: 512Mi} alone is requests = limits).",
            "Without requests the scheduler packs pods onto nodes that cannot hold them and they are evicted first "
                    + "under pressure; without a memory limit one leaking pod takes its node's memory from the "
                    + "others. kube-score container-resources, kube-linter unset-cpu-requirements/"
                    + "unset-memory-requirements, Polaris cpuRequestsMissing/memoryLimitsMissing. Medium: it hurts "
                    + "under pressure, not on every request.",
            "containers:\n  - name: api\n    image: api:1.4.2",
            "    resources:\n      requests: {cpu: 250m, memory: 256Mi}\n      limits: {memory: 512Mi}",
            Precision.HIGH, List.of("kubernetes", "resources"));

    static final AuditRule IMAGE_LATEST_TAG = new AuditRule("k8s/image-latest-tag", "Image with latest or no tag",
            Severity.MEDIUM,
            "A container image tagged latest or not tagged at all (which means latest). Digests are fine, and so "
                    + "are images whose tag a tool sets: a kustomize images: entry with a fixed newTag or a digest "
                    + "for that name, in a kustomization that includes the manifest (directly, through a base or a "
                    + "component); an image skaffold builds (build.artifacts, profiles too) for the manifests under "
                    + "its skaffold.yaml. newName alone, tagSuffix or newTag: latest still float.",
            "A moving tag makes rollouts and rollbacks irreproducible: a node restart may pull a different build "
                    + "than its neighbours run. kube-score container-image-tag, kube-linter latest-tag, Polaris "
                    + "tagNotSpecified.",
            "image: registry.example.com/api:latest", "image: registry.example.com/api:1.4.2",
            Precision.VERY_HIGH, List.of("kubernetes", "image"));

    static final AuditRule SINGLE_REPLICA = new AuditRule("k8s/single-replica", "Single replica", Severity.HIGH,
            "A Deployment or StatefulSet that serves (a container declares ports, or a Service of its namespace "
                    + "selects its pods) with replicas 1 or no replicas (default 1), unless a HorizontalPodAutoscaler "
                    + "targets it with minReplicas of 2 or more.",
            "One pod is a single point of failure: every rollout, node drain or crash is an outage. kube-score "
                    + "deployment-replicas (minimum 2, and only for Deployments a Service targets), Polaris "
                    + "deploymentMissingReplicas. A single load generator or queue worker fails nobody's request "
                    + "while it restarts, so it is not reported.",
            "spec:\n  replicas: 1", "spec:\n  replicas: 3", Precision.HIGH, List.of("kubernetes", "availability"));

    static final AuditRule NO_PDB = new AuditRule("k8s/no-pod-disruption-budget", "No PodDisruptionBudget",
            Severity.MEDIUM,
            "A Deployment or StatefulSet running 2 or more replicas that no PodDisruptionBudget (in any manifest of "
                    + "the service, same namespace) selects.",
            "Without a PDB a node drain or cluster upgrade may evict every replica at once. kube-score "
                    + "deployment-has-poddisruptionbudget / statefulset-has-poddisruptionbudget, Polaris "
                    + "missingPodDisruptionBudget.",
            "kind: Deployment\nspec:\n  replicas: 3",
            "kind: PodDisruptionBudget\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels: {app: api}",
            Precision.HIGH, List.of("kubernetes", "availability"));

    static final AuditRule NO_SPREAD = new AuditRule("k8s/no-spread", "Replicas not spread", Severity.MEDIUM,
            "A Deployment or StatefulSet running 2 or more replicas without topologySpreadConstraints or "
                    + "podAntiAffinity.",
            "The scheduler may put every replica on one node or zone, so one failure takes them all. kube-score "
                    + "deployment-has-host-podantiaffinity and pod-topology-spread-constraints, kube-linter "
                    + "no-anti-affinity, Polaris topologySpreadConstraint.",
            "spec:\n  replicas: 3\n  template:\n    spec:\n      containers: [...]",
            "      topologySpreadConstraints:\n        - maxSkew: 1\n          topologyKey: kubernetes.io/hostname\n"
                    + "          whenUnsatisfiable: ScheduleAnyway\n          labelSelector: {matchLabels: {app: api}}",
            Precision.MEDIUM, List.of("kubernetes", "availability"));

    static final AuditRule HPA_BOUNDS = new AuditRule("k8s/hpa-bounds", "Autoscaler bounds allow one replica",
            Severity.MEDIUM,
            "A HorizontalPodAutoscaler with minReplicas below 2 (or unset, default 1), or maxReplicas not above "
                    + "minReplicas.",
            "An HPA that may scale down to one pod brings back the single point of failure at night; one whose "
                    + "maximum equals its minimum cannot scale. kube-score horizontalpodautoscaler-replicas, "
                    + "kube-linter hpa-minimum-three-replicas, Polaris hpaMinAvailability/hpaMaxAvailability.",
            "spec:\n  minReplicas: 1\n  maxReplicas: 1", "spec:\n  minReplicas: 2\n  maxReplicas: 10",
            Precision.HIGH, List.of("kubernetes", "autoscaling"));

    static final AuditRule NO_AUTOSCALER = new AuditRule("k8s/no-autoscaler", "No autoscaler", Severity.LOW,
            "A Deployment or StatefulSet (not scaled to 0) that no HorizontalPodAutoscaler or KEDA ScaledObject "
                    + "targets (same namespace, scaleTargetRef kind and name, manifests in the same directory tree).",
            "A fixed replica count is sized for one load: a traffic peak saturates it (latency, then errors) and "
                    + "the quiet hours pay for idle pods. Low: a service sized with headroom and scaled by hand can "
                    + "be fine, and the review's capacity plan says whether it is. kube-score "
                    + "deployment-targeted-by-hpa-does-not-have-replicas-configured and Polaris hpaMinAvailability "
                    + "check the autoscaler once there is one (k8s/hpa-bounds here).",
            "kind: Deployment\nmetadata: {name: api}\nspec:\n  replicas: 3",
            "kind: HorizontalPodAutoscaler\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, "
                    + "name: api}\n  minReplicas: 3\n  maxReplicas: 10",
            Precision.HIGH, List.of("kubernetes", "autoscaling"));

    static final List<AuditRule> ALL = List.of(MISSING_PROBES, MISSING_RESOURCES, IMAGE_LATEST_TAG, SINGLE_REPLICA,
            NO_PDB, NO_SPREAD, HPA_BOUNDS, NO_AUTOSCALER);

    private KubernetesRules() {
    }
}

package io.relia.audit.k8s;

import io.relia.audit.AuditAnalyzer;
import io.relia.audit.AuditContext;
import io.relia.audit.AuditRule;
import io.relia.core.Finding;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Audits Kubernetes manifests for what limits the harm a compromised or broken pod can do: the securityContext its
 * containers run with, secrets written into manifests and ConfigMaps, and network policies. Separate from
 * {@link KubernetesAuditor}, whose rules keep workloads available, so each has its own labelled corpus.
 */
public final class KubernetesSecurityAuditor implements AuditAnalyzer {

    private final HelmTemplate helm;

    /** An auditor that renders Helm charts with the helm on the PATH, when there is one. */
    public KubernetesSecurityAuditor() {
        this(HelmTemplate.onPath());
    }

    KubernetesSecurityAuditor(HelmTemplate helm) {
        this.helm = helm;
    }

    @Override
    public String id() {
        return "k8s-security";
    }

    @Override
    public List<AuditRule> rules() {
        return KubernetesSecurityRules.ALL;
    }

    @Override
    public void analyze(AuditContext context) {
        List<RenderedChart> charts = helm.renderAll(context);
        Workloads workloads = Workloads.of(context.inventory(), charts);
        OncePerCopy once = new OncePerCopy(context, finding -> RenderedChart.place(charts, finding));
        for (Workload workload : workloads.all()) {
            AuditContext sink = once.sink(workload.object(), workload.file());
            new ContainerSecurity(workload, sink).check();
            ManifestSecrets.workload(workload, sink);
            isolated(workload, workloads, sink);
        }
        workloads.ofKind("ConfigMap").forEach(configMap -> ManifestSecrets.configMap(configMap,
                once.sink(configMap.object(), configMap.file())));
        once.flush();
    }

    /**
     * Pods that take traffic must be behind a NetworkPolicy limiting ingress; batch and host-network pods are not,
     * nor patches (no container names an image).
     */
    private static void isolated(Workload workload, Workloads workloads, AuditContext context) {
        boolean hostNetwork = workload.podSpec().text("hostNetwork").filter("true"::equals).isPresent();
        boolean fragment = workload.containers().stream().noneMatch(container -> container.has("image"));
        if (Workload.BATCH.contains(workload.kind()) || hostNetwork || fragment
                || workloads.ingressPolicyOf(workload).isPresent()) {
            return;
        }
        String egressOnly = workloads.ofKind("NetworkPolicy").stream()
                .filter(policy -> policy.namespace().equals(workload.namespace()))
                .filter(policy -> LabelSelectors.selectsInNamespace(policy.object().map("spec")
                        .flatMap(spec -> spec.map("podSelector")), workload.podLabels()))
                .map(policy -> "NetworkPolicy/" + policy.name()).collect(Collectors.joining(", "));
        String message = workload.label() + (egressOnly.isEmpty()
                ? " is selected by no NetworkPolicy in namespace " + workload.namespace()
                : " is selected only by " + egressOnly + ", which limit(s) egress, not ingress")
                + ": any pod in the cluster can reach it";
        context.report(new Finding(KubernetesSecurityRules.NO_NETWORK_POLICY.id(),
                KubernetesSecurityRules.NO_NETWORK_POLICY.severity(), message, workload.nameLocation(),
                "add a NetworkPolicy whose podSelector matches " + describe(workload) + " and whose ingress "
                        + "allows only its callers"));
    }

    private static String describe(Workload workload) {
        return Optional.of(workload.podLabels()).filter(labels -> !labels.isEmpty()).map(Object::toString)
                .orElse("its pods' labels");
    }
}

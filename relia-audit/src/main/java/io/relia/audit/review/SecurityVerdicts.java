package io.relia.audit.review;

import io.relia.audit.k8s.Workload;
import io.relia.audit.k8s.Workloads;
import io.relia.core.Finding;
import io.relia.core.review.ChecklistItem;
import io.relia.core.review.InputKind;
import io.relia.core.review.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Security items the audit's security rules decide. Each finding counts for one item: secrets for secrets
 * management, network isolation for network policies, everything else tagged "security" (securityContext, TLS
 * verification, exposed actuator endpoints) against the security review. A review itself is a document no file
 * proves, so with no finding it stays MANUAL, naming what to link.
 */
final class SecurityVerdicts {

    static final Set<String> SECRET_RULES = Set.of("k8s/secret-in-manifest", "k8s/secret-in-configmap",
            "spring/secret-in-config");
    static final String NETWORK_RULE = "k8s/no-network-policy";

    private SecurityVerdicts() {
    }

    static List<Verdict> of(Audited audited, Workloads workloads) {
        List<Verdict> verdicts = new ArrayList<>();
        networkPolicies(audited, workloads, verdicts);
        secrets(audited, workloads, verdicts);
        review(audited, workloads, verdicts);
        return verdicts;
    }

    private static void networkPolicies(Audited audited, Workloads workloads, List<Verdict> verdicts) {
        if (workloads.all().isEmpty()) {
            return;
        }
        List<String> evidence = new ArrayList<>();
        for (Workload workload : workloads.all()) {
            workloads.networkPolicy(workload).ifPresent(policy -> evidence.add(workload.label() + ": " + policy));
        }
        List<Finding> open = audited.findings(Set.of(NETWORK_RULE));
        if (open.isEmpty() && evidence.isEmpty()) {
            verdicts.add(Verdict.manual(ChecklistItem.NETWORK_POLICIES, "the manifests hold only batch or "
                    + "host-network workloads; show the firewall rules or network policies that limit who can reach "
                    + "the service", List.of()));
            return;
        }
        String summary = evidence.size() + " of " + (evidence.size() + open.size())
                + " workload(s) taking traffic are behind a NetworkPolicy limiting ingress";
        verdicts.add(open.isEmpty() ? Verdict.pass(ChecklistItem.NETWORK_POLICIES, summary, evidence)
                : Verdict.fail(ChecklistItem.NETWORK_POLICIES, summary, evidence, open));
    }

    private static void secrets(Audited audited, Workloads workloads, List<Verdict> verdicts) {
        int springConfigs = audited.files(InputKind.SPRING_CONFIG);
        int manifests = audited.files(InputKind.KUBERNETES);
        if (manifests + springConfigs == 0) {
            return;
        }
        String scope = manifests + " Kubernetes manifest(s)" + (springConfigs > 0 ? " and " + springConfigs
                + " Spring config(s)" : "");
        List<Finding> literal = audited.findings(SECRET_RULES);
        List<String> sources = workloads.secretSources();
        if (!literal.isEmpty()) {
            verdicts.add(Verdict.fail(ChecklistItem.SECRETS_MANAGEMENT, literal.size() + " secret(s) written into "
                    + scope, sources, literal));
        } else if (workloads.usesSecretStore()) {
            verdicts.add(Verdict.pass(ChecklistItem.SECRETS_MANAGEMENT, "no literal secret in " + scope
                    + "; secrets come from a secret store", sources));
        } else if (!sources.isEmpty()) {
            verdicts.add(Verdict.manual(ChecklistItem.SECRETS_MANAGEMENT, "no literal secret in " + scope
                    + "; secrets come from Kubernetes Secrets: link how those Secrets are created and rotated (the "
                    + "secret store or sealed-secrets setup, the rotation runbook)", sources));
        } else {
            verdicts.add(Verdict.manual(ChecklistItem.SECRETS_MANAGEMENT, "no literal secret in " + scope
                    + " and none referenced; if the service has credentials (database, API keys), link where they "
                    + "are stored and how they are rotated", List.of()));
        }
    }

    private static void review(Audited audited, Workloads workloads, List<Verdict> verdicts) {
        int java = audited.files(InputKind.JAVA_SOURCE);
        int spring = audited.files(InputKind.SPRING_CONFIG);
        if (workloads.all().isEmpty() && java + spring == 0) {
            return;
        }
        List<Finding> hardening = audited.tagged("security").stream()
                .filter(finding -> !SECRET_RULES.contains(finding.ruleId())
                        && !finding.ruleId().equals(NETWORK_RULE)).toList();
        String scope = workloads.all().size() + " workload(s), " + audited.codeScope();
        if (!hardening.isEmpty()) {
            verdicts.add(Verdict.fail(ChecklistItem.SECURITY_REVIEW, "relia audit: " + hardening.size()
                    + " security finding(s) in " + scope + " that a security review would raise", List.of(),
                    hardening));
            return;
        }
        verdicts.add(Verdict.manual(ChecklistItem.SECURITY_REVIEW, "relia audit found no root, privileged or "
                + "escalating container, no disabled TLS verification and no actuator endpoint exposed to all in "
                + scope + "; link the security review (threat model and findings), its date and who signed it "
                + "off", List.of()));
    }
}

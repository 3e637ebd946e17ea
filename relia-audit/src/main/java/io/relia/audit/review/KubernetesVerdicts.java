package io.relia.audit.review;

import io.relia.audit.k8s.Workload;
import io.relia.audit.k8s.Workloads;
import io.relia.core.Finding;
import io.relia.core.Severity;
import io.relia.core.report.Document;
import io.relia.core.review.ChecklistItem;
import io.relia.core.review.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checklist items the Kubernetes rules decide (resource limits, single points of failure, auto-scaling) and
 * the section's workload table. No workloads: no verdict, so the items keep their fallback naming the evidence.
 */
final class KubernetesVerdicts {

    private KubernetesVerdicts() {
    }

    static List<Verdict> of(Audited audited, Workloads workloads) {
        List<Workload> all = workloads.all();
        if (all.isEmpty()) {
            return List.of();
        }
        List<Verdict> verdicts = new ArrayList<>();
        verdicts.add(Audited.fromFindings(ChecklistItem.RESOURCE_LIMITS, audited.findings(
                        Set.of("k8s/missing-resources")),
                "every container of " + all.size() + " workload(s) sets CPU/memory requests and a memory limit",
                "container(s) without CPU/memory requests or a memory limit", Severity.MEDIUM, List.of()));
        List<Workload> replicated = all.stream().filter(Workload::replicated).toList();
        List<Finding> single = audited.findings(Set.of("k8s/single-replica"));
        if (!single.isEmpty()) {
            verdicts.add(Verdict.fail(ChecklistItem.SINGLE_POINTS_OF_FAILURE, single.size() + " of "
                    + replicated.size() + " scalable workload(s) run a single replica", List.of(), single));
        } else if (!replicated.isEmpty()) {
            verdicts.add(Verdict.manual(ChecklistItem.SINGLE_POINTS_OF_FAILURE, "every Deployment and StatefulSet "
                    + "runs 2 or more replicas; list what the manifests cannot show (databases, queues, caches, "
                    + "regions the service depends on) and how each survives losing one instance", List.of()));
        }
        verdicts.add(autoScaling(audited, workloads, replicated));
        return verdicts;
    }

    private static Verdict autoScaling(Audited audited, Workloads workloads, List<Workload> replicated) {
        if (replicated.isEmpty()) {
            return Verdict.manual(ChecklistItem.AUTO_SCALING, "the manifests hold no Deployment or StatefulSet to "
                    + "scale; show the platform's autoscaler for the service (a HorizontalPodAutoscaler, KEDA "
                    + "ScaledObject or the cloud's instance group policy) and its minimum and maximum", List.of());
        }
        List<String> evidence = new ArrayList<>();
        for (Workload workload : replicated) {
            workloads.autoscaler(workload).ifPresent(scaler -> evidence.add(workload.label() + ": " + scaler));
        }
        List<Finding> missing = audited.findings(Set.of("k8s/no-autoscaler"));
        String summary = (replicated.size() - missing.size()) + " of " + replicated.size()
                + " scalable workload(s) have an autoscaler";
        return missing.isEmpty() ? Verdict.pass(ChecklistItem.AUTO_SCALING, summary, evidence)
                : Verdict.fail(ChecklistItem.AUTO_SCALING, summary, evidence, missing);
    }

    /** One row per workload: replicas, probes, autoscaler, network policy and where it is written. */
    static Optional<Document.Table> table(Workloads workloads) {
        if (workloads.all().isEmpty()) {
            return Optional.empty();
        }
        List<List<Document.Cell>> rows = new ArrayList<>();
        for (Workload workload : workloads.all()) {
            Optional<String> scaler = workloads.autoscaler(workload);
            Optional<String> policy = workloads.networkPolicy(workload);
            rows.add(List.of(Document.Cell.of(workload.label()),
                    Document.Cell.of(workload.replicated() ? workload.replicas().map(String::valueOf).orElse("1")
                            : "-"),
                    yesNo(Workloads.probed(workload), "yes"),
                    workload.replicated() ? yesNo(scaler.isPresent(), scaler.orElse("")) : Document.Cell.of("-"),
                    yesNo(policy.isPresent(), policy.orElse("")),
                    Document.Cell.of(workload.file() + ":" + workload.nameLocation().line())));
        }
        return Optional.of(new Document.Table(List.of("Workload", "Replicas", "Probes", "Autoscaler",
                "NetworkPolicy", "Manifest"), rows));
    }

    private static Document.Cell yesNo(boolean yes, String what) {
        return yes ? new Document.Cell(what, Document.Tone.GOOD) : new Document.Cell("no", Document.Tone.BAD);
    }
}

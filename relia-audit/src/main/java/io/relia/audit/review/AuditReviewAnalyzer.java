package io.relia.audit.review;

import io.relia.audit.AuditFinding;
import io.relia.audit.AuditOptions;
import io.relia.audit.AuditResult;
import io.relia.audit.Auditor;
import io.relia.audit.k8s.KubernetesAuditor;
import io.relia.audit.prometheus.AlertRulesAuditor;
import io.relia.core.Finding;
import io.relia.core.Location;
import io.relia.core.Severity;
import io.relia.core.report.Document;
import io.relia.core.review.CheckStatus;
import io.relia.core.review.ChecklistItem;
import io.relia.core.review.DiscoveredInput;
import io.relia.core.review.InputKind;
import io.relia.core.review.ReviewAnalyzer;
import io.relia.core.review.ReviewContext;
import io.relia.core.review.ReviewSection;
import io.relia.core.review.ServiceInventory;
import io.relia.core.review.Verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The review's audit section: one {@code relia audit} over the service, whose findings decide every checklist item
 * the audit rules answer: timeouts, retries, resource limits, single replicas, alerts with runbooks and the
 * runbooks themselves. (Those checks live only here, so a finding is never reported twice.)
 */
public final class AuditReviewAnalyzer implements ReviewAnalyzer {

    /** At most this many findings listed in the section; the rest are counted. */
    private static final int MAX_ROWS = 40;

    @Override
    public String id() {
        return "audit";
    }

    @Override
    public Set<ChecklistItem> decides() {
        return EnumSet.of(ChecklistItem.TIMEOUTS, ChecklistItem.RETRY_BACKOFF, ChecklistItem.SINGLE_POINTS_OF_FAILURE, ChecklistItem.RESOURCE_LIMITS, ChecklistItem.ALERTS_WITH_RUNBOOKS, ChecklistItem.RUNBOOKS);
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public ReviewSection analyze(ReviewContext context) {
        ServiceInventory inventory = context.inventory();
        AuditResult result = new Auditor().run(inventory, AuditOptions.defaults());
        List<AuditFinding> audited = result.findings().stream()
                .sorted(Comparator.comparing(AuditFinding::finding)).toList();
        List<Finding> findings = audited.stream().map(AuditFinding::finding).toList();
        int javaFiles = inventory.ofKind(InputKind.JAVA_SOURCE).size();
        List<Verdict> verdicts = new ArrayList<>();
        code(inventory, findings, verdicts);
        kubernetes(inventory, findings, verdicts);
        alerts(inventory, findings, verdicts);
        runbooks(inventory, findings).ifPresent(verdicts::add);

        List<List<Document.Cell>> rows = new ArrayList<>();
        for (AuditFinding one : audited.subList(0, Math.min(MAX_ROWS, audited.size()))) {
            Finding finding = one.finding();
            rows.add(List.of(Document.Cell.of(finding.severity().label()), Document.Cell.of(finding.ruleId()),
                    Document.Cell.of(finding.location().toString()),
                    Document.Cell.of(finding.message())));
        }
        List<Document.Block> blocks = new ArrayList<>();
        blocks.add(new Document.Paragraph(String.format(Locale.ROOT, "relia audit: %d finding(s) "
                + "(critical %d, high %d, medium %d, low %d) in %d Java file(s) and the manifests, rules and "
                + "runbooks; %d suppressed inline.", findings.size(), result.count(Severity.CRITICAL),
                result.count(Severity.HIGH), result.count(Severity.MEDIUM), result.count(Severity.LOW), javaFiles,
                result.suppressed().size())));
        if (!rows.isEmpty()) {
            blocks.add(new Document.Table(List.of("Severity", "Rule", "Where", "Finding"), rows));
        }
        if (findings.size() > MAX_ROWS) {
            blocks.add(new Document.Paragraph("... and " + (findings.size() - MAX_ROWS)
                    + " more: run relia audit " + inventory.root()));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, Long> perRule = new TreeMap<>();
        findings.forEach(f -> perRule.merge(f.ruleId(), 1L, Long::sum));
        data.put("findings", findings.size());
        data.put("perRule", perRule);
        return new ReviewSection(id(), "Reliability audit", verdicts, findings, result.problems(), blocks, data);
    }

    private static void code(ServiceInventory inventory, List<Finding> findings, List<Verdict> verdicts) {
        int javaFiles = inventory.ofKind(InputKind.JAVA_SOURCE).size();
        int springFiles = inventory.ofKind(InputKind.SPRING_CONFIG).size();
        String scope = javaFiles + " Java file(s)" + (springFiles > 0 ? " and " + springFiles + " Spring config(s)"
                : "");
        if (javaFiles + springFiles == 0) {
            String none = "no Java sources or Spring config to check (relia audit)";
            verdicts.add(Verdict.notChecked(ChecklistItem.TIMEOUTS, none, List.of()));
            verdicts.add(Verdict.notChecked(ChecklistItem.RETRY_BACKOFF, none, List.of()));
            return;
        }
        verdicts.add(fromFindings(ChecklistItem.TIMEOUTS, findings,
                id -> id.contains("timeout") || id.contains("deadline"),
                "relia audit found no outbound call or blocking wait without a deadline in " + scope,
                "outbound call or blocking wait without a deadline in " + scope));
        verdicts.add(fromFindings(ChecklistItem.RETRY_BACKOFF, findings,
                id -> id.startsWith("java/retry") || id.startsWith("spring/retry")
                        || id.startsWith("spring/resilience4j"),
                "relia audit found no retry without backoff or bound in " + scope,
                "retry without backoff or bound in " + scope));
    }

    private static void kubernetes(ServiceInventory inventory, List<Finding> findings, List<Verdict> verdicts) {
        Map<String, Integer> workloads = KubernetesAuditor.workloads(inventory);
        int total = workloads.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            return;
        }
        verdicts.add(fromFindings(ChecklistItem.RESOURCE_LIMITS, findings, "k8s/missing-resources"::equals,
                "every container of " + total + " workload(s) sets CPU/memory requests and a memory limit",
                "container(s) without CPU/memory requests or a memory limit", Severity.MEDIUM));
        int replicated = workloads.entrySet().stream().filter(kind -> KubernetesAuditor.replicated(kind.getKey()))
                .mapToInt(Map.Entry::getValue).sum();
        List<Finding> single = findings.stream().filter(f -> f.ruleId().equals("k8s/single-replica")).toList();
        if (!single.isEmpty()) {
            verdicts.add(Verdict.fail(ChecklistItem.SINGLE_POINTS_OF_FAILURE, single.size() + " of " + replicated
                    + " scalable workload(s) run a single replica", List.of(), single));
        } else if (replicated > 0) {
            verdicts.add(Verdict.manual(ChecklistItem.SINGLE_POINTS_OF_FAILURE, "every scalable workload runs "
                    + "≥ 2 replicas; databases, queues and regions still need a person's review", List.of()));
        }
    }

    private static void alerts(ServiceInventory inventory, List<Finding> findings, List<Verdict> verdicts) {
        int alerts = AlertRulesAuditor.alertCount(inventory);
        List<Finding> ruleFiles = findings.stream()
                .filter(f -> f.ruleId().equals("prometheus/alert-without-runbook")).toList();
        List<Finding> fromSlos = findings.stream()
                .filter(f -> f.ruleId().equals("runbook/slo-alert-without-runbook")).toList();
        if (alerts == 0 && fromSlos.isEmpty()) {
            return;
        }
        List<Finding> missing = new ArrayList<>(ruleFiles);
        missing.addAll(fromSlos);
        String summary = (alerts - ruleFiles.size()) + " of " + alerts + " alerts have a runbook"
                + (fromSlos.isEmpty() ? "" : "; " + fromSlos.size() + " SLO-generated alert(s) have none");
        verdicts.add(missing.isEmpty() ? Verdict.pass(ChecklistItem.ALERTS_WITH_RUNBOOKS, summary, List.of())
                : Verdict.fail(ChecklistItem.ALERTS_WITH_RUNBOOKS, summary, List.of(), missing));
    }

    private static Optional<Verdict> runbooks(ServiceInventory inventory, List<Finding> findings) {
        List<DiscoveredInput> structured = inventory.ofKind(InputKind.RUNBOOK);
        List<DiscoveredInput> documents = inventory.ofKind(InputKind.RUNBOOK_DOCUMENT);
        if (structured.isEmpty() && documents.isEmpty()) {
            int alerts = AlertRulesAuditor.alertCount(inventory);
            if (alerts == 0) {
                return Optional.empty();
            }
            return Optional.of(Verdict.fail(ChecklistItem.RUNBOOKS, "no runbooks found", List.of(),
                    List.of(new Finding("review/no-runbooks", Severity.HIGH, "the service has " + alerts
                            + " alerts and no runbook", Location.wholeFile(inventory.root()),
                            "write runbooks in reliability/runbooks/ (name, trigger, diagnosis_steps, "
                                    + "mitigation_options, escalation)"))));
        }
        // Runbooks that do not validate fail this item through the review's rule for unreadable inputs; the
        // audit's runbook rules add what a valid runbook can still lack.
        List<Finding> weak = findings.stream().filter(f -> f.ruleId().startsWith("runbook/")
                && !f.ruleId().equals("runbook/slo-alert-without-runbook")).toList();
        List<String> evidence = new ArrayList<>();
        structured.forEach(input -> evidence.add(input.path().toString()));
        documents.forEach(input -> evidence.add(input.path() + " (Markdown)"));
        String summary = (structured.size() + documents.size()) + " runbooks"
                + (weak.isEmpty() ? "" : "; " + weak.size() + " gap(s) in their steps");
        return Optional.of(weak.isEmpty() ? Verdict.pass(ChecklistItem.RUNBOOKS, summary, evidence)
                : new Verdict(ChecklistItem.RUNBOOKS, CheckStatus.WARN, summary, evidence, weak));
    }

    /** PASS when no finding matches; FAIL when one is High or worse; WARN otherwise. */
    private static Verdict fromFindings(ChecklistItem item, List<Finding> findings, Predicate<String> rule,
                                        String clean, String what) {
        return fromFindings(item, findings, rule, clean, what, Severity.HIGH);
    }

    /** PASS when no finding matches; FAIL when one is at least {@code failAt}; WARN otherwise. */
    private static Verdict fromFindings(ChecklistItem item, List<Finding> findings, Predicate<String> rule,
                                        String clean, String what, Severity failAt) {
        List<Finding> mine = findings.stream().filter(f -> rule.test(f.ruleId())).toList();
        if (mine.isEmpty()) {
            return Verdict.pass(item, clean, List.of());
        }
        String summary = "relia audit: " + mine.size() + " finding(s) of " + what;
        return mine.stream().anyMatch(f -> f.severity().atLeast(failAt))
                ? Verdict.fail(item, summary, List.of(), mine)
                : new Verdict(item, CheckStatus.WARN, summary, List.of(), mine);
    }
}

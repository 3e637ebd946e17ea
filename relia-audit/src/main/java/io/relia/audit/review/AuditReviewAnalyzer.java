package io.relia.audit.review;

import io.relia.audit.AuditFinding;
import io.relia.audit.AuditOptions;
import io.relia.audit.AuditResult;
import io.relia.audit.Auditor;
import io.relia.audit.TestSources;
import io.relia.audit.k8s.Workloads;
import io.relia.core.Finding;
import io.relia.core.Severity;
import io.relia.core.report.Document;
import io.relia.core.review.ChecklistItem;
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

/**
 * The review's audit section: one {@code relia audit} over the service, whose findings and evidence decide every
 * checklist item the audit rules answer (timeouts, retries, circuit breakers, observability, Kubernetes capacity
 * and availability, security, alerts and runbooks), with the workloads table. Those checks live only here, so a
 * finding is never reported twice, and every finding of the audit is a finding of the section.
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
        return EnumSet.of(ChecklistItem.SINGLE_POINTS_OF_FAILURE, ChecklistItem.CIRCUIT_BREAKERS,
                ChecklistItem.RETRY_BACKOFF, ChecklistItem.TIMEOUTS, ChecklistItem.METRICS_EXPOSED,
                ChecklistItem.STRUCTURED_LOGGING, ChecklistItem.DISTRIBUTED_TRACING, ChecklistItem.ALERTS_WITH_RUNBOOKS,
                ChecklistItem.RUNBOOKS, ChecklistItem.SECURITY_REVIEW, ChecklistItem.SECRETS_MANAGEMENT,
                ChecklistItem.NETWORK_POLICIES, ChecklistItem.AUTO_SCALING, ChecklistItem.RESOURCE_LIMITS);
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public ReviewSection analyze(ReviewContext context) {
        // The verdicts judge what the audit read: production sources, as relia audit does by default.
        ServiceInventory inventory = TestSources.withoutTests(context.inventory());
        AuditResult result = new Auditor().run(context.inventory(), AuditOptions.defaults());
        Audited audited = new Audited(inventory, result);
        Workloads workloads = Workloads.of(inventory);
        List<Verdict> verdicts = new ArrayList<>(CodeVerdicts.of(audited));
        BreakerVerdicts.of(audited).ifPresent(verdicts::add);
        verdicts.addAll(ObservabilityVerdicts.of(audited));
        verdicts.addAll(KubernetesVerdicts.of(audited, workloads));
        verdicts.addAll(SecurityVerdicts.of(audited, workloads));
        verdicts.addAll(OperationsVerdicts.of(audited));

        List<Finding> findings = audited.findings();
        List<Document.Block> blocks = new ArrayList<>();
        blocks.add(new Document.Paragraph(String.format(Locale.ROOT, "relia audit: %d finding(s) "
                + "(critical %d, high %d, medium %d, low %d) in %d Java file(s) and the manifests, rules and "
                + "runbooks; %d suppressed inline.%s", findings.size(), result.count(Severity.CRITICAL),
                result.count(Severity.HIGH), result.count(Severity.MEDIUM), result.count(Severity.LOW),
                audited.files(InputKind.JAVA_SOURCE), result.suppressed().size(), audited.testsSkipped())));
        findingsTable(result).ifPresent(blocks::add);
        if (findings.size() > MAX_ROWS) {
            blocks.add(new Document.Paragraph("... and " + (findings.size() - MAX_ROWS)
                    + " more: run relia audit " + inventory.root()));
        }
        KubernetesVerdicts.table(workloads).ifPresent(blocks::add);
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, Long> perRule = new TreeMap<>();
        findings.forEach(f -> perRule.merge(f.ruleId(), 1L, Long::sum));
        data.put("findings", findings.size());
        data.put("perRule", perRule);
        data.put("workloads", workloads.all().size());
        data.put("testFilesSkipped", result.testFilesSkipped());
        return new ReviewSection(id(), "Reliability audit", verdicts, findings, result.problems(), blocks, data);
    }

    private static Optional<Document.Table> findingsTable(AuditResult result) {
        List<AuditFinding> audited = result.findings().stream()
                .sorted(Comparator.comparing(AuditFinding::finding)).toList();
        List<List<Document.Cell>> rows = new ArrayList<>();
        for (AuditFinding one : audited.subList(0, Math.min(MAX_ROWS, audited.size()))) {
            Finding finding = one.finding();
            rows.add(List.of(Document.Cell.of(finding.severity().label()), Document.Cell.of(finding.ruleId()),
                    Document.Cell.of(finding.location().toString()),
                    Document.Cell.of(finding.message())));
        }
        return rows.isEmpty() ? Optional.empty()
                : Optional.of(new Document.Table(List.of("Severity", "Rule", "Where", "Finding"), rows));
    }
}

package io.relia.audit.review;

import io.relia.audit.AuditFinding;
import io.relia.audit.AuditOptions;
import io.relia.audit.AuditResult;
import io.relia.audit.Auditor;
import io.relia.core.Finding;
import io.relia.core.report.Document;
import io.relia.core.review.CheckStatus;
import io.relia.core.review.ChecklistItem;
import io.relia.core.review.InputKind;
import io.relia.core.review.ReviewAnalyzer;
import io.relia.core.review.ReviewContext;
import io.relia.core.review.ReviewSection;
import io.relia.core.review.Verdict;
import io.relia.core.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The review's audit section: {@code relia audit} over the service, with its code findings deciding "Timeouts
 * configured appropriately" and "Retry logic with exponential backoff". Manifest and alert-rule items stay with the
 * review's own analyzers until those move here.
 */
public final class AuditReviewAnalyzer implements ReviewAnalyzer {

    /** At most this many findings listed in the section; the rest are counted. */
    private static final int MAX_ROWS = 40;

    @Override
    public String id() {
        return "audit";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public ReviewSection analyze(ReviewContext context) {
        AuditResult result = new Auditor().run(context.inventory(), AuditOptions.defaults());
        List<AuditFinding> audited = result.findings().stream()
                .sorted(java.util.Comparator.comparing(AuditFinding::finding)).toList();
        List<Finding> findings = audited.stream().map(AuditFinding::finding).toList();
        int javaFiles = context.inventory().ofKind(InputKind.JAVA_SOURCE).size();
        int springFiles = context.inventory().ofKind(InputKind.SPRING_CONFIG).size();
        boolean code = javaFiles + springFiles > 0;
        List<Verdict> verdicts = new ArrayList<>();
        verdicts.add(verdict(ChecklistItem.TIMEOUTS, findings, code, javaFiles, springFiles,
                id -> id.contains("timeout") || id.equals("java/blocking-without-deadline"),
                "outbound call or blocking wait without a deadline"));
        verdicts.add(verdict(ChecklistItem.RETRY_BACKOFF, findings, code, javaFiles, springFiles,
                id -> id.startsWith("java/retry") || id.startsWith("spring/retry")
                        || id.startsWith("spring/resilience4j"),
                "retry without backoff or bound"));
        List<List<Document.Cell>> rows = new ArrayList<>();
        for (AuditFinding one : audited.subList(0, Math.min(MAX_ROWS, audited.size()))) {
            Finding finding = one.finding();
            rows.add(List.of(Document.Cell.of(finding.severity().label()), Document.Cell.of(finding.ruleId()),
                    Document.Cell.of(one.path() + ":" + finding.location().line()),
                    Document.Cell.of(finding.message())));
        }
        List<Document.Block> blocks = new ArrayList<>();
        blocks.add(new Document.Paragraph(String.format(java.util.Locale.ROOT, "relia audit: %d finding(s) "
                + "(critical %d, high %d, medium %d, low %d) in %d Java file(s) and the manifests, rules and "
                + "runbooks; %d suppressed inline.", findings.size(), result.count(Severity.CRITICAL),
                result.count(Severity.HIGH), result.count(Severity.MEDIUM), result.count(Severity.LOW), javaFiles,
                result.suppressed().size())));
        if (!rows.isEmpty()) {
            blocks.add(new Document.Table(List.of("Severity", "Rule", "Where", "Finding"), rows));
        }
        if (findings.size() > MAX_ROWS) {
            blocks.add(new Document.Paragraph("... and " + (findings.size() - MAX_ROWS)
                    + " more: run relia audit " + context.inventory().root()));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, Long> perRule = new java.util.TreeMap<>();
        findings.forEach(f -> perRule.merge(f.ruleId(), 1L, Long::sum));
        data.put("findings", findings.size());
        data.put("perRule", perRule);
        return new ReviewSection(id(), "Reliability audit", verdicts, result.problems(), blocks, data);
    }

    private static Verdict verdict(ChecklistItem item, List<Finding> findings, boolean code, int javaFiles,
                                   int springFiles, Predicate<String> rule, String what) {
        List<Finding> mine = findings.stream().filter(f -> rule.test(f.ruleId())).toList();
        String scope = javaFiles + " Java file(s)" + (springFiles > 0 ? " and " + springFiles + " Spring config(s)"
                : "");
        if (!code) {
            return Verdict.notChecked(item, "no Java sources or Spring config to check (relia audit)", List.of());
        }
        if (mine.isEmpty()) {
            return Verdict.pass(item, "relia audit found no " + what + " in " + scope, List.of());
        }
        boolean serious = mine.stream().anyMatch(f -> f.severity().atLeast(Severity.HIGH));
        String summary = "relia audit: " + mine.size() + " finding(s) of " + what + " in " + scope;
        return serious ? Verdict.fail(item, summary, List.of(), mine)
                : new Verdict(item, CheckStatus.WARN, summary, List.of(), mine);
    }
}

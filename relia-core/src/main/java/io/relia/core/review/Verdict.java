package io.relia.core.review;

import io.relia.core.Finding;

import java.util.List;
import java.util.Objects;

/**
 * What an analyzer concluded about one checklist item.
 *
 * @param item     the checklist item
 * @param status   the outcome
 * @param summary  one line a person reads first
 * @param evidence the facts behind it: files, lines, counts
 * @param findings the findings that make it fail or warn, each with its fix
 */
public record Verdict(ChecklistItem item, CheckStatus status, String summary, List<String> evidence,
                      List<Finding> findings) {

    public Verdict {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summary, "summary");
        evidence = List.copyOf(evidence);
        findings = List.copyOf(findings);
        if (status == CheckStatus.FAIL && findings.isEmpty()) {
            throw new IllegalArgumentException("a failed item needs a finding that says why: " + item);
        }
    }

    /**
     * One verdict from several on the same item (one per file, say): the most pressing status leads with its
     * summary; the others' summaries, and everyone's evidence and findings, add up.
     */
    public static Verdict combine(List<Verdict> verdicts) {
        if (verdicts.isEmpty()) {
            throw new IllegalArgumentException("no verdicts to combine");
        }
        Verdict lead = verdicts.stream().min(java.util.Comparator.comparing(Verdict::status)).orElseThrow();
        if (verdicts.stream().anyMatch(verdict -> verdict.item() != lead.item())) {
            throw new IllegalArgumentException("verdicts on different items: " + verdicts);
        }
        if (verdicts.size() == 1) {
            return lead;
        }
        List<String> evidence = new java.util.ArrayList<>();
        List<Finding> findings = new java.util.ArrayList<>();
        for (Verdict verdict : verdicts) {
            if (verdict != lead && !verdict.summary().isEmpty()) {
                evidence.add(verdict.summary());
            }
            evidence.addAll(verdict.evidence());
            findings.addAll(verdict.findings());
        }
        return new Verdict(lead.item(), lead.status(), lead.summary(), evidence,
                findings.stream().distinct().sorted().toList());
    }

    public static Verdict pass(ChecklistItem item, String summary, List<String> evidence) {
        return new Verdict(item, CheckStatus.PASS, summary, evidence, List.of());
    }

    public static Verdict fail(ChecklistItem item, String summary, List<String> evidence, List<Finding> findings) {
        return new Verdict(item, CheckStatus.FAIL, summary, evidence, findings);
    }

    public static Verdict manual(ChecklistItem item, String summary, List<String> evidence) {
        return new Verdict(item, CheckStatus.MANUAL, summary, evidence, List.of());
    }

    public static Verdict notChecked(ChecklistItem item, String summary, List<String> evidence) {
        return new Verdict(item, CheckStatus.NOT_CHECKED, summary, evidence, List.of());
    }
}

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

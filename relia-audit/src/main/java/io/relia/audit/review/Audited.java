package io.relia.audit.review;

import io.relia.audit.AuditFinding;
import io.relia.audit.AuditResult;
import io.relia.audit.AuditRule;
import io.relia.audit.Evidence;
import io.relia.core.Finding;
import io.relia.core.Severity;
import io.relia.core.review.CheckStatus;
import io.relia.core.review.ChecklistItem;
import io.relia.core.review.InputKind;
import io.relia.core.review.ServiceInventory;
import io.relia.core.review.Verdict;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One audit of a service as the review's verdicts read it: the findings it reported (suppressed ones are not:
 * a reason was given), the evidence it recorded, and what was there to check.
 *
 * @param inventory the service's inputs the audit read (test sources left out)
 * @param result    the audit's result
 */
record Audited(ServiceInventory inventory, AuditResult result) {

    /** Every reported finding, most severe first. */
    List<Finding> findings() {
        return result.findings().stream().map(AuditFinding::finding).sorted().toList();
    }

    /** The findings of the rules {@code rule} accepts. */
    List<Finding> findings(Predicate<String> rule) {
        return findings().stream().filter(finding -> rule.test(finding.ruleId())).toList();
    }

    /** The findings of these rules. */
    List<Finding> findings(Set<String> ruleIds) {
        return findings(ruleIds::contains);
    }

    /** The findings of the rules carrying {@code tag} in the catalogue. */
    List<Finding> tagged(String tag) {
        return findings(id -> result.catalogue().find(id).map(AuditRule::tags).filter(tags -> tags.contains(tag))
                .isPresent());
    }

    List<Evidence> evidence(Evidence.Topic topic) {
        return result.evidence(topic);
    }

    int files(InputKind kind) {
        return inventory.ofKind(kind).size();
    }

    /** "29 Java file(s) and 2 Spring config(s)", for summaries, with the test files left out if any. */
    String codeScope() {
        int java = files(InputKind.JAVA_SOURCE);
        int spring = files(InputKind.SPRING_CONFIG);
        return java + " Java file(s)" + (spring > 0 ? " and " + spring + " Spring config(s)" : "")
                + (result.testFilesSkipped() > 0 ? " (" + result.testFilesSkipped() + " test file(s) not audited)"
                : "");
    }

    /** " 12 test file(s) not audited (relia audit DIR --include-tests to audit them).", or "" when none was. */
    String testsSkipped() {
        int skipped = result.testFilesSkipped();
        return skipped == 0 ? "" : " " + skipped + " test file(s) not audited (relia audit " + inventory.root()
                + " --include-tests to audit them).";
    }

    /** PASS when no finding; FAIL when one is at least {@code failAt}; WARN otherwise. */
    static Verdict fromFindings(ChecklistItem item, List<Finding> findings, String clean, String what,
                                Severity failAt, List<String> evidence) {
        if (findings.isEmpty()) {
            return Verdict.pass(item, clean, evidence);
        }
        String summary = "relia audit: " + findings.size() + " finding(s) of " + what;
        return findings.stream().anyMatch(f -> f.severity().atLeast(failAt))
                ? Verdict.fail(item, summary, evidence, findings)
                : new Verdict(item, CheckStatus.WARN, summary, evidence, findings);
    }

    /** The evidence as lines: "text (file:line)". */
    static List<String> lines(List<Evidence> evidence) {
        return evidence.stream().map(seen -> seen.text() + " (" + seen.location() + ")").distinct().toList();
    }
}

package io.relia.core.review;

import io.relia.core.Finding;

import java.util.List;

/**
 * The review's final word on one checklist item, after all analyzers spoke (or none did).
 *
 * @param item      the item
 * @param status    the outcome
 * @param summary   one line
 * @param evidence  facts behind it
 * @param findings  findings behind a failure or warning
 * @param checkedBy IDs of the analyzers that decided it; empty when the fallback applies
 */
public record ChecklistEntry(ChecklistItem item, CheckStatus status, String summary, List<String> evidence,
                             List<Finding> findings, List<String> checkedBy) {

    public ChecklistEntry {
        evidence = List.copyOf(evidence);
        findings = List.copyOf(findings);
        checkedBy = List.copyOf(checkedBy);
    }
}

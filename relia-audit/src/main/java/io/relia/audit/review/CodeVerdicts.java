package io.relia.audit.review;

import io.relia.core.Severity;
import io.relia.core.review.ChecklistItem;
import io.relia.core.review.InputKind;
import io.relia.core.review.Verdict;

import java.util.List;

/** Timeouts and retries, from the Java and Spring rules. No code: no verdict, the fallback says what to show. */
final class CodeVerdicts {

    private CodeVerdicts() {
    }

    static List<Verdict> of(Audited audited) {
        if (audited.files(InputKind.JAVA_SOURCE) + audited.files(InputKind.SPRING_CONFIG) == 0) {
            return List.of();
        }
        String scope = audited.codeScope();
        return List.of(
                Audited.fromFindings(ChecklistItem.TIMEOUTS, audited.findings(id -> id.contains("timeout")
                                || id.contains("deadline")),
                        "relia audit found no outbound call or blocking wait without a deadline in " + scope,
                        "outbound call or blocking wait without a deadline in " + scope, Severity.HIGH, List.of()),
                Audited.fromFindings(ChecklistItem.RETRY_BACKOFF, audited.findings(id -> id.startsWith("java/retry")
                                || id.startsWith("spring/retry") || id.startsWith("spring/resilience4j")),
                        "relia audit found no retry without backoff or bound in " + scope,
                        "retry without backoff or bound in " + scope, Severity.HIGH, List.of()));
    }
}

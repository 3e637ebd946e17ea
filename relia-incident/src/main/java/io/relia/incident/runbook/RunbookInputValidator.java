package io.relia.incident.runbook;

import io.relia.core.Problem;
import io.relia.core.review.InputKind;
import io.relia.core.review.InputValidator;
import io.relia.core.spec.SpecDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Structured runbooks for {@code relia validate} and the review, checked by the reader {@code relia runbook run} and
 * {@code relia runbook validate} use, so all of them agree on what is valid: the schema, durations and step numbers,
 * every problem at once.
 */
public final class RunbookInputValidator implements InputValidator {

    @Override
    public Set<InputKind> kinds() {
        return Set.of(InputKind.RUNBOOK);
    }

    @Override
    public List<Problem> validate(InputKind kind, List<SpecDocument> documents) {
        List<Problem> problems = new ArrayList<>();
        for (SpecDocument document : documents) {
            problems.addAll(RunbookFile.read(document.root(), document.file()).problems());
        }
        return problems;
    }
}

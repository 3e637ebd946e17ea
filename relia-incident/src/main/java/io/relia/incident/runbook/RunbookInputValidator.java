package io.relia.incident.runbook;

import io.relia.core.Problem;
import io.relia.core.review.InputKind;
import io.relia.core.review.InputValidator;
import io.relia.core.spec.SpecDocument;

import java.util.List;
import java.util.Set;

/**
 * Structured runbooks for {@code relia validate} and the review, checked by the validation {@code relia runbook run}
 * and {@code relia runbook validate} use ({@link RunbookFile#validate}), so all of them agree on what is valid: the
 * schema, durations, step numbers and one runbook per file, every problem at once.
 */
public final class RunbookInputValidator implements InputValidator {

    @Override
    public Set<InputKind> kinds() {
        return Set.of(InputKind.RUNBOOK);
    }

    @Override
    public List<Problem> validate(InputKind kind, List<SpecDocument> documents) {
        return RunbookFile.validate(documents);
    }
}

package io.relia.slo;

import io.relia.core.Problem;
import io.relia.core.review.InputKind;
import io.relia.core.review.InputValidator;
import io.relia.core.spec.SpecDocument;

import java.util.List;
import java.util.Set;

/**
 * Lets {@code relia validate} check SLO specs of every format, reading the SLO documents of a file together
 * (OpenSLO documents refer to each other); other documents of the file are left to their own validators.
 */
public final class SloInputValidator implements InputValidator {

    @Override
    public Set<InputKind> kinds() {
        return Set.of(InputKind.SLO_NATIVE, InputKind.SLO_SLOTH, InputKind.SLO_OPENSLO,
                InputKind.SLO_PYRRA);
    }

    @Override
    public List<Problem> validate(InputKind kind, List<SpecDocument> documents) {
        return documents.isEmpty() ? List.of() : SloSpecs.read(documents.getFirst().file(), documents).problems();
    }
}

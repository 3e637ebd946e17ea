package io.relia.slo;

import io.relia.core.Problem;
import io.relia.core.review.InputKind;
import io.relia.core.review.InputValidator;
import io.relia.core.spec.SpecDocument;

import java.util.List;
import java.util.Set;

/**
 * Lets {@code relia validate} check SLO specs of every format. OpenSLO documents refer to each other, so the
 * whole file is read and all its problems are returned ({@link InputValidator#validateAll} drops repeats).
 */
public final class SloInputValidator implements InputValidator {

    @Override
    public Set<InputKind> kinds() {
        return Set.of(InputKind.SLO_NATIVE, InputKind.SLO_SLOTH, InputKind.SLO_OPENSLO);
    }

    @Override
    public List<Problem> validate(InputKind kind, SpecDocument document) {
        return SloSpecs.load(document.file()).problems();
    }
}

package io.relia.chaos;

import io.relia.chaos.experiment.Experiments;
import io.relia.core.Problem;
import io.relia.core.review.InputKind;
import io.relia.core.review.InputValidator;
import io.relia.core.spec.SpecDocument;

import java.util.List;
import java.util.Set;

/**
 * Lets {@code relia validate} and the review check chaos experiments (native and Chaos Toolkit) exactly as
 * {@code relia chaos run} reads them: the same reader on the same file, with every check the run makes before it
 * starts (the blast radius, a traffic source for traffic metrics, declared proxies), so the two never disagree on
 * what is valid. Like the run, it resolves {@code {type: env}} configuration from this process's environment.
 */
public final class ChaosExperimentValidator implements InputValidator {

    @Override
    public Set<InputKind> kinds() {
        return Set.of(InputKind.CHAOS_EXPERIMENT, InputKind.CHAOS_TOOLKIT);
    }

    @Override
    public List<Problem> validate(InputKind kind, List<SpecDocument> documents) {
        // The run reads the whole file (one experiment per file), so the file is read again rather than the
        // documents discovery picked out of it: a second document of another kind is an error for both.
        return documents.isEmpty() ? List.of() : Experiments.load(documents.getFirst().file()).problems();
    }
}

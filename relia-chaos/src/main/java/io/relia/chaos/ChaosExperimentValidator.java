package io.relia.chaos;

import io.relia.chaos.experiment.Experiments;
import io.relia.chaos.experiment.RunnerLimits;
import io.relia.core.Problem;
import io.relia.core.review.InputKind;
import io.relia.core.review.InputValidator;
import io.relia.core.spec.SpecDocument;

import java.util.List;
import java.util.Set;

/**
 * Lets {@code relia validate} and the review check chaos experiments (native and Chaos Toolkit) as
 * {@code relia chaos run} reads them: the same reader on the same file, with every check the run makes before it
 * starts (the blast radius, a traffic source for traffic metrics, declared proxies), so the two never disagree on
 * what is valid. What only the run cannot do ({@link RunnerLimits}: a python provider, an environment variable
 * not set on this machine) is a warning here, an unset variable a note ("needed at run time"): the file is valid
 * Chaos Toolkit, and Chaos Toolkit's own {@code chaos validate} accepts it; the run still refuses it.
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
        if (documents.isEmpty()) {
            return List.of();
        }
        // Experiments.load leaves out what only follows from an unset variable, for the run and for this
        return Experiments.load(documents.getFirst().file()).problems().stream().map(RunnerLimits::atValidation)
                .toList();
    }
}

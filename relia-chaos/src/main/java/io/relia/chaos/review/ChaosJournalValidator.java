package io.relia.chaos.review;

import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.review.InputKind;
import io.relia.core.review.InputValidator;
import io.relia.core.spec.SpecDocument;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Lets {@code relia validate} and the review recognise a Chaos Toolkit journal (what {@code chaos run} or
 * {@code relia chaos run} writes: a copy of the experiment with how the run went) and say whose run it records,
 * instead of reading the copy as another experiment. The review uses journals as their experiment's run history.
 */
public final class ChaosJournalValidator implements InputValidator {

    @Override
    public java.util.Set<InputKind> kinds() {
        return java.util.Set.of(InputKind.CHAOS_JOURNAL);
    }

    @Override
    public List<Problem> validate(InputKind kind, List<SpecDocument> documents) {
        if (documents.isEmpty()) {
            return List.of();
        }
        Path file = documents.getFirst().file();
        List<Problem> problems = new ArrayList<>();
        LastRun.read(file, problems).ifPresent(run -> problems.add(Problem.note(Location.wholeFile(file),
                "Chaos Toolkit journal (run record of experiment " + run.title().map(title -> "\"" + title + "\"")
                        .orElse("(untitled)") + ", status " + run.status() + ", deviated " + run.deviated() + ")",
                "not an experiment; relia review takes it as the last run of the experiment with that title")));
        return problems;
    }
}

package io.relia.chaos;

import io.relia.chaos.experiment.Experiments;
import io.relia.chaos.experiment.RunnerLimits;
import io.relia.core.Problem;
import io.relia.core.review.InputKind;
import io.relia.core.review.InputValidator;
import io.relia.core.spec.SpecDocument;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lets {@code relia validate} and the review check chaos experiments (native and Chaos Toolkit) as
 * {@code relia chaos run} reads them: the same reader on the same file, with every check the run makes before it
 * starts (the blast radius, a traffic source for traffic metrics, declared proxies), so the two never disagree on
 * what is valid. What only the run cannot do ({@link RunnerLimits}: a python provider, an environment variable
 * not set on this machine) is a warning here: the file is valid Chaos Toolkit, and Chaos Toolkit's own
 * {@code chaos validate} accepts it; the run still refuses it.
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
        Path file = documents.getFirst().file();
        List<Problem> run = Experiments.load(file).problems();
        Set<String> unset = run.stream().map(RunnerLimits::unsetConfiguration).flatMap(Optional::stream)
                .collect(Collectors.toSet());
        List<String> lines = unset.isEmpty() ? List.of() : lines(file);
        return run.stream().filter(problem -> !followsFromUnset(problem, unset, lines))
                .map(RunnerLimits::atValidation).toList();
    }

    /**
     * An error on a line that uses {@code ${name}} of an unset configuration value ("the url is empty"): it says
     * nothing about the file, only that the value is known at run time, so the validator leaves it out.
     */
    private static boolean followsFromUnset(Problem problem, Set<String> unset, List<String> lines) {
        int line = problem.location().line();
        if (!problem.isError() || RunnerLimits.isRunnerLimit(problem) || line < 1 || line > lines.size()) {
            return false;
        }
        String text = lines.get(line - 1);
        return unset.stream().anyMatch(name -> text.contains("${" + name + "}"));
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            // The reader already read it; should it fail now, every error stays, so nothing passes unread.
            return List.of();
        }
    }
}

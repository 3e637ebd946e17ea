package io.relia.core.review;

import io.relia.core.Problem;
import io.relia.core.spec.SpecDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Validates documents of some input kinds. Capabilities register theirs through {@link ServiceLoader}
 * ({@code META-INF/services/io.relia.core.review.InputValidator}); {@code relia validate} and the review use every
 * one installed.
 */
public interface InputValidator {

    /** The kinds this validator understands. */
    Set<InputKind> kinds();

    /** Located problems of the documents of one kind in one file; empty when valid. Never throws for bad input. */
    List<Problem> validate(InputKind kind, List<SpecDocument> documents);

    /** Every installed validator's problems for one discovered input, sorted. */
    static List<Problem> validateAll(DiscoveredInput input) {
        List<Problem> problems = new ArrayList<>();
        for (InputValidator validator : Installed.VALIDATORS) {
            if (validator.kinds().contains(input.kind())) {
                problems.addAll(validator.validate(input.kind(), input.documents()));
            }
        }
        return problems.stream().distinct().sorted().toList();
    }

    /** True when some installed validator understands {@code kind}. */
    static boolean understands(InputKind kind) {
        return Installed.VALIDATORS.stream().anyMatch(validator -> validator.kinds().contains(kind));
    }

    /** Loaded once per JVM. */
    final class Installed {
        static final List<InputValidator> VALIDATORS = load();

        private Installed() {
        }

        private static List<InputValidator> load() {
            List<InputValidator> found = new ArrayList<>();
            ServiceLoader.load(InputValidator.class).forEach(found::add);
            return List.copyOf(found);
        }
    }
}

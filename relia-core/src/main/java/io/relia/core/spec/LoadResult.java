package io.relia.core.spec;

import io.relia.core.Problem;

import java.util.List;
import java.util.Optional;

/**
 * What loading a file gave: the file when it could be parsed, and every problem found on the way.
 *
 * @param file     the parsed file; empty when it could not be parsed at all
 * @param problems errors and warnings, sorted by location
 */
public record LoadResult(Optional<SpecFile> file, List<Problem> problems) {

    public LoadResult {
        problems = problems.stream().sorted().toList();
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }
}

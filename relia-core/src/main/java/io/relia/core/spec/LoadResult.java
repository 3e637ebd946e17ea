package io.relia.core.spec;

import io.relia.core.Problem;
import io.relia.core.Problems;

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

    /**
     * The root of the file's only document, for formats that keep one thing per file. Adds this result's problems to
     * {@code into}; empty (with a problem at the second document) when the file holds several, or when it could not
     * be loaded.
     *
     * @param what what the file holds, for the message: {@code experiment}, {@code scenario}
     */
    public Optional<Node> onlyDocument(String what, Problems into) {
        into.addAll(problems);
        if (file.isEmpty() || hasErrors()) {
            return Optional.empty();
        }
        List<SpecDocument> documents = file.get().documents();
        if (documents.size() != 1) {
            into.error(documents.get(1).root().location(), "the file holds " + documents.size() + " documents",
                    "one " + what + " per file", "split it into one file per " + what);
            return Optional.empty();
        }
        return Optional.of(documents.getFirst().root());
    }
}

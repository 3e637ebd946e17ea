package io.relia.core;

import java.util.List;

/**
 * Thrown at a module boundary when input problems stop the work; the CLI prints the problems and exits with
 * {@link ExitCode#INPUT}, without a stack trace.
 */
public final class InputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public InputException(List<Problem> problems) {
        super(problems.isEmpty() ? "invalid input" : problems.getFirst().format());
        this.problems = List.copyOf(problems);
    }

    public InputException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}

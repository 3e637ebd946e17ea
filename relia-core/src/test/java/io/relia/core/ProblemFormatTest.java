package io.relia.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A problem's one-line form quotes the input; what the input holds cannot act on the terminal. */
class ProblemFormatTest {

    @Test
    void formatsOnOneLineWithControlCharactersEscaped() {
        Problem problem = Problem.error(new Location("runbooks/x\u001b[2J.yaml", 3, 5),
                "unknown risk \"low\r\u001b[8m\"", "low, medium or high", "no \u202e in names");

        assertThat(problem.format()).isEqualTo("runbooks/x\\e[2J.yaml:3:5: error: unknown risk \"low\\r\\e[8m\"; "
                + "expected low, medium or high (hint: no \\u202e in names)");
    }
}

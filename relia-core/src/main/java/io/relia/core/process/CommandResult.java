package io.relia.core.process;

import java.time.Duration;
import java.util.Objects;

/**
 * What running a program with {@link CommandRunner} produced.
 *
 * @param exitCode exit status, or -1 when it timed out
 * @param stdout   standard output, its first {@link CommandRunner#MAX_OUTPUT_BYTES} bytes
 * @param stderr   standard error, its first {@link CommandRunner#MAX_OUTPUT_BYTES} bytes
 * @param took     wall time from start to exit or kill
 * @param timedOut true when the program overran its timeout and was killed with its children
 */
public record CommandResult(int exitCode, String stdout, String stderr, Duration took, boolean timedOut) {

    public CommandResult {
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        Objects.requireNonNull(took, "took");
    }
}

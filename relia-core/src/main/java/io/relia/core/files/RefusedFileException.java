package io.relia.core.files;

import io.relia.core.Location;
import io.relia.core.Problem;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file {@link InputFiles} will not read: not a regular file (a FIFO, a device, a socket, a directory, also behind
 * a symbolic link), or larger than the reader's cap. The user's doing, so it carries the {@link Problem} to show;
 * its message is the reason alone, as the callers put the file before it.
 */
public final class RefusedFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String reason;
    private final String expected;

    RefusedFileException(Path file, String reason, String expected) {
        super(reason);
        this.file = Objects.requireNonNull(file, "file");
        this.reason = reason;
        this.expected = expected;
    }

    /** What is wrong, without the file: {@code not a regular file (a FIFO)}. */
    public String reason() {
        return reason;
    }

    /** The refusal as a whole-file error, for commands that report problems. */
    public Problem problem() {
        return Problem.error(Location.wholeFile(file), reason, expected, "");
    }
}

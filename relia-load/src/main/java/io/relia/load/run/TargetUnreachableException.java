package io.relia.load.run;

import java.io.Serial;

/** No connection to the target could be opened before the run: nothing was sent. The CLI exits with 3. */
public final class TargetUnreachableException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    public TargetUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}

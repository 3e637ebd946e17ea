package io.relia.incident.store;

/** The database failed (unreachable, disk full, locked past the timeout): an external failure, exit code 3. */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.relia.cli;

/** An external system failed (server unreachable, port in use, disk full): exit code 3, message without a trace. */
public final class ExternalFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ExternalFailure(String message, Throwable cause) {
        super(message, cause);
    }
}

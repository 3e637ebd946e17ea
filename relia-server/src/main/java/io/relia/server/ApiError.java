package io.relia.server;

import java.util.Map;

/** A request the API refuses, with its HTTP status, a message for the caller and optional fields beside it. */
public final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Map<String, Object> details;

    public ApiError(int status, String message) {
        this(status, message, Map.of());
    }

    /** With {@code details} added to the error body, e.g. {@code {"missingScope": "write"}}. */
    public ApiError(int status, String message, Map<String, Object> details) {
        super(message);
        this.status = status;
        this.details = Map.copyOf(details);
    }

    public int status() {
        return status;
    }

    /** Fields of the error body beside {@code error} and {@code message}. */
    public Map<String, Object> details() {
        return details;
    }
}

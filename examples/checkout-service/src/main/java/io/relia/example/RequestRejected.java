package io.relia.example;

/** A client error: the request is answered with {@link #status()} and the message, and goes no further. */
final class RequestRejected extends Exception {
    private final int status;

    RequestRejected(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status to answer with, 4xx. */
    int status() {
        return status;
    }
}

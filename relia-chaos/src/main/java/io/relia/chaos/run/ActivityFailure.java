package io.relia.chaos.run;

/** An activity could not do its work (connection refused, process timed out): recorded as failed, not a bug. */
final class ActivityFailure extends Exception {

    private static final long serialVersionUID = 1L;

    ActivityFailure(String message) {
        super(message);
    }

    ActivityFailure(String message, Throwable cause) {
        super(message, cause);
    }
}

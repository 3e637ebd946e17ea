package io.relia.incident;

/**
 * A request the incident record cannot take (an unknown incident, a transition its state forbids, a bad value):
 * the user's mistake, reported as a message and exit code 2, never as a stack trace.
 */
public class IncidentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IncidentException(String message) {
        super(message);
    }
}

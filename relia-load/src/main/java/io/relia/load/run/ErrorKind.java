package io.relia.load.run;

/** Why a request failed without an HTTP response. */
public enum ErrorKind {
    /** The connection could not be opened (refused, unreachable, connect timeout). */
    CONNECT("connect"),
    /** No complete response within the request timeout. */
    TIMEOUT("timeout"),
    /** The peer reset the connection. */
    RESET("reset"),
    /** The peer closed the connection before the response was complete. */
    CLOSED("closed"),
    /** The TLS handshake failed. */
    TLS("tls"),
    /** The response was not valid HTTP/1.1. */
    PROTOCOL("protocol"),
    /** The request was due but the run ended before a connection was free to send it (open model). */
    NOT_SENT("not_sent");

    private final String label;

    ErrorKind(String label) {
        this.label = label;
    }

    /** The name in reports and JSON. */
    public String label() {
        return label;
    }
}

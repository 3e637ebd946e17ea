package io.relia.slo.query;

/**
 * A query could not be answered. {@link Kind#BAD_QUERY} and {@link Kind#UNSUPPORTED} are the user's to fix (the
 * PromQL in their spec); the other kinds are failures of the system queried.
 */
public final class QueryException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the query failed. */
    public enum Kind {
        /** The server could not be reached (connection refused, DNS, TLS handshake). */
        UNREACHABLE,
        /** The server did not answer within the request timeout. */
        TIMEOUT,
        /** The server answered with an HTTP error other than a rejected query (401, 403, 404, 5xx). */
        HTTP_ERROR,
        /** The answer was not what the Prometheus HTTP API returns. */
        BAD_RESPONSE,
        /** The query is not valid PromQL, or the engine rejected it (Prometheus' own error text). */
        BAD_QUERY,
        /** Valid PromQL that offline evaluation does not support. */
        UNSUPPORTED
    }

    private final Kind kind;
    private final String sloId;

    public QueryException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public QueryException(Kind kind, String message, Throwable cause) {
        this(kind, message, cause, null);
    }

    private QueryException(Kind kind, String message, Throwable cause, String sloId) {
        super(message, cause);
        this.kind = kind;
        this.sloId = sloId;
    }

    /** The same failure, noting the SLO whose query failed (its ID leads the message). */
    public QueryException forSlo(String id) {
        return sloId != null ? this : new QueryException(kind, id + ": " + getMessage(), this, id);
    }

    /** The ID of the SLO whose query failed, when known. */
    public java.util.Optional<String> sloId() {
        return java.util.Optional.ofNullable(sloId);
    }

    public Kind kind() {
        return kind;
    }

    /** True when the user's query is at fault, false when the queried system failed. */
    public boolean isUserError() {
        return kind == Kind.BAD_QUERY || kind == Kind.UNSUPPORTED;
    }
}

package io.relia.slo.promql;

/** A PromQL expression does not parse, or uses what offline evaluation does not support. */
final class PromQlSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int offset;

    PromQlSyntaxException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    /** Character offset (0-based) in the expression where the problem is. */
    int offset() {
        return offset;
    }
}

package io.relia.chaos.proxy;

/** A request the admin API refuses, with Toxiproxy's status code and error text. */
final class ApiException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;

    ApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    static ApiException proxyNotFound() {
        return new ApiException(404, "proxy not found");
    }

    static ApiException toxicNotFound() {
        return new ApiException(404, "toxic not found");
    }

    static ApiException invalidToxicType() {
        return new ApiException(400, "invalid toxic type");
    }

    static ApiException invalidStream() {
        return new ApiException(400, "stream was invalid, can be either upstream or downstream");
    }

    static ApiException missingField(String field) {
        return new ApiException(400, "missing required field: " + field);
    }
}

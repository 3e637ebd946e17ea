package io.relia.server;

import io.javalin.http.Context;
import io.relia.server.intake.AlertIntake;

/**
 * Request body limits by route. The Alertmanager intake takes a whole alert group in one webhook, which in an alert
 * storm is thousands of alerts (about 1 KB each), so it gets its own large limit; it also needs a bearer token
 * before its body is read. Every other route keeps a small one. Javalin enforces the large limit while reading (so
 * a chunked body is cut off too); this before-handler holds the other routes to the small one by their declared
 * length, and refuses bodies of unknown length there (411) rather than read them.
 *
 * @param api    largest body of any other route, bytes
 * @param intake largest Alertmanager webhook body, bytes
 */
record BodyLimits(long api, long intake) {

    BodyLimits {
        if (api < 1 || intake < api) {
            throw new IllegalArgumentException("body limits must be positive, the intake's at least the API's: api "
                    + api + ", intake " + intake);
        }
    }

    /** Before-handler: 413 for a declared length over the route's limit, 411 for a body of unknown length. */
    void check(Context ctx) {
        if (AlertIntake.ALERTMANAGER_PATH.equals(ctx.path())) {
            return;
        }
        long length = ctx.req().getContentLengthLong();
        if (length > api) {
            throw new ApiError(413, tooLarge(ctx.path()));
        }
        if (length < 0 && ctx.header("Transfer-Encoding") != null) {
            throw new ApiError(411, "a request body needs a Content-Length here (at most " + api + " bytes)");
        }
    }

    /** The message of a 413 on {@code path}. */
    String tooLarge(String path) {
        return "the request body is larger than " + limitOf(path) + " bytes";
    }

    private long limitOf(String path) {
        return AlertIntake.ALERTMANAGER_PATH.equals(path) ? intake : api;
    }
}

package io.relia.server;

import io.javalin.http.Context;
import io.relia.server.intake.AlertIntake;

import java.io.IOException;
import java.io.InputStream;

/**
 * Request body limits by route. The Alertmanager intake takes a whole alert group in one webhook, which in an alert
 * storm is thousands of alerts (about 1 KB each), so it gets its own large limit; it also needs a bearer token
 * before its body is read. Every other route keeps a small one. Javalin enforces the large limit while reading (so
 * a chunked body is cut off too); this before-handler holds the other routes to the small one by their declared
 * length, and refuses bodies of unknown length there (411) rather than take them.
 *
 * <p>A refused body (by its declared length, or chunked where a length is needed) is read and thrown away before
 * the 413 or 411 goes out (up to {@link #DRAIN_CAP}): closing a connection with unread bytes in its receive buffer makes the kernel send a reset,
 * which can destroy the 413 in the client's buffer before the client reads it ("received no bytes"). Alertmanager
 * would then retry a group that can never fit instead of logging why.
 *
 * @param api    largest body of any other route, bytes
 * @param intake largest Alertmanager webhook body, bytes
 */
record BodyLimits(long api, long intake) {

    /** Largest refused body read to its end so that the 413 reaches the client; larger ones are cut off. */
    static final long DRAIN_CAP = 64L * 1024 * 1024;

    BodyLimits {
        if (api < 1 || intake < api) {
            throw new IllegalArgumentException("body limits must be positive, the intake's at least the API's: api "
                    + api + ", intake " + intake);
        }
    }

    /** Before-handler: 413 for a declared length over the route's limit, 411 for a body of unknown length. */
    void check(Context ctx) {
        long length = ctx.req().getContentLengthLong();
        if (length > limitOf(ctx.path())) {
            // A client that asked "Expect: 100-continue" has not sent the body and will not: nothing to drain.
            if (length <= DRAIN_CAP && ctx.header("Expect") == null) {
                drain(ctx);
            }
            throw new ApiError(413, tooLarge(ctx.path()));
        }
        if (AlertIntake.ALERTMANAGER_PATH.equals(ctx.path())) {
            return;
        }
        if (length < 0 && ctx.header("Transfer-Encoding") != null) {
            // Drained as a refused declared length is, so the 411 is not lost to a reset while the client writes.
            if (ctx.header("Expect") == null) {
                drain(ctx);
            }
            throw new ApiError(411, "a request body needs a Content-Length here (at most " + api + " bytes)");
        }
    }

    /**
     * Reads the request body to its end, at most {@link #DRAIN_CAP} bytes, and drops it; a broken or stalled upload
     * ends the reading.
     */
    private static void drain(Context ctx) {
        byte[] sink = new byte[64 * 1024];
        long read = 0;
        try (InputStream body = ctx.req().getInputStream()) {
            for (int n = body.read(sink); n >= 0 && read <= DRAIN_CAP; n = body.read(sink)) {
                read += n; // thrown away: only the refusal matters
            }
        } catch (IOException broken) {
            // the client went away or stalled past the idle timeout; the connection is closed either way
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

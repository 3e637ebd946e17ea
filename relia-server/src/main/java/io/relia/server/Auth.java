package io.relia.server;

import io.javalin.http.Context;
import io.relia.incident.ApiTokens;

import java.util.Optional;

/**
 * Bearer-token checks: writes always need a live token, reads only when the server is told so. The token's name is
 * the actor of the timeline entries a request writes, unless the caller names a person in {@code X-Relia-Actor}.
 */
public final class Auth {

    private static final String ACTOR = "relia.actor";

    private Auth() {
    }

    public static void require(Context ctx, ApiTokens tokens) {
        String header = Optional.ofNullable(ctx.header("Authorization")).orElse("");
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"relia\"");
            throw new ApiError(401, "this needs a bearer token: Authorization: Bearer <token from relia token create>");
        }
        requireToken(ctx, tokens, header.substring(7).strip());
    }

    /** Checks {@code token} (from a header or, for PagerDuty senders, the routing key) and sets the actor. */
    public static void requireToken(Context ctx, ApiTokens tokens, String token) {
        String name = tokens.verify(token).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer realm=\"relia\", error=\"invalid_token\"");
            return new ApiError(401, "the bearer token is unknown or revoked");
        });
        String person = Optional.ofNullable(ctx.header("X-Relia-Actor")).map(String::strip).orElse("");
        ctx.attribute(ACTOR, person.isEmpty() || person.length() > 200 ? name : person + " (via " + name + ")");
    }

    public static String actor(Context ctx) {
        String actor = ctx.attribute(ACTOR);
        return actor == null ? "anonymous" : actor;
    }
}

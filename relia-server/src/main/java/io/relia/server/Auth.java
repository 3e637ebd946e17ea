package io.relia.server;

import io.javalin.http.Context;
import io.relia.incident.ApiToken;
import io.relia.incident.ApiTokens;
import io.relia.incident.TokenScope;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Bearer-token checks. Each route needs a scope ({@link RouteScopes}); a token passes when it is known, not
 * revoked, not expired and holds the scope (401, 401 saying it expired, 403 naming the missing scope otherwise).
 * The token's name is the actor of the timeline entries a request writes, unless the caller names a person in
 * {@code X-Relia-Actor}.
 */
public final class Auth {

    private static final String ACTOR = "relia.actor";
    private static final String EXPECTED = "relia.expected";

    /** What the route a request matched asks for, and the moment the request is judged at. */
    private record Expectation(TokenScope scope, String route, Instant now) {
    }

    private Auth() {
    }

    /** Records that the request's route needs {@code scope} at {@code now} (set before any handler runs). */
    static void expect(Context ctx, TokenScope scope, String route, Instant now) {
        ctx.attribute(EXPECTED, new Expectation(scope, route, now));
    }

    /** Checks the {@code Authorization: Bearer} header against what the route needs, and sets the actor. */
    public static void require(Context ctx, ApiTokens tokens) {
        String header = Optional.ofNullable(ctx.header("Authorization")).orElse("");
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"relia\"");
            throw new ApiError(401, "this needs a bearer token: Authorization: Bearer <token from relia token create>");
        }
        requireToken(ctx, tokens, header.substring(7).strip());
    }

    /**
     * Checks {@code token} (from a header or, for PagerDuty senders, the routing key) against what the route
     * needs, and sets the actor. A route nobody declared needs an admin token.
     */
    public static void requireToken(Context ctx, ApiTokens tokens, String token) {
        Expectation expected = Optional.ofNullable(ctx.<Expectation>attribute(EXPECTED)).orElseGet(() ->
                new Expectation(TokenScope.ADMIN, ctx.method() + " " + ctx.path(), Instant.now()));
        ApiToken verified = tokens.verify(token).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer realm=\"relia\", error=\"invalid_token\"");
            return new ApiError(401, "the bearer token is unknown or revoked");
        });
        if (verified.isExpiredAt(expected.now())) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"relia\", error=\"invalid_token\", "
                    + "error_description=\"the token expired\"");
            throw new ApiError(401, "the bearer token \"" + verified.name() + "\" expired at "
                    + verified.expires().orElseThrow() + "; create a new one with relia token create");
        }
        String scope = expected.scope().label();
        if (!verified.allows(expected.scope())) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"relia\", error=\"insufficient_scope\", scope=\""
                    + scope + "\"");
            throw new ApiError(403, "the token \"" + verified.name() + "\" has scope "
                    + TokenScope.describe(verified.scopes()) + "; " + expected.route() + " needs " + scope,
                    Map.of("missingScope", scope));
        }
        String person = Optional.ofNullable(ctx.header("X-Relia-Actor")).map(String::strip).orElse("");
        String name = verified.name();
        ctx.attribute(ACTOR, person.isEmpty() || person.length() > 200 ? name : person + " (via " + name + ")");
    }

    public static String actor(Context ctx) {
        String actor = ctx.attribute(ACTOR);
        return actor == null ? "anonymous" : actor;
    }
}

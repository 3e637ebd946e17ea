package io.relia.server;

import io.relia.incident.TokenScope;

import java.util.Optional;

/** What a route asks of its caller: nothing, or a bearer token holding one scope. */
enum RouteAccess {
    /** Anyone: liveness, readiness, metrics, the OpenAPI document and the dashboard's three files. */
    PUBLIC(Optional.empty()),
    /** The read scope when the server is started with --reads-need-token; anyone otherwise. */
    READ(Optional.of(TokenScope.READ)),
    /** Alert webhooks. */
    INTAKE(Optional.of(TokenScope.INTAKE)),
    /** Incident and action-item edits. */
    WRITE(Optional.of(TokenScope.WRITE)),
    /** Imports and anything destructive. */
    ADMIN(Optional.of(TokenScope.ADMIN));

    private final Optional<TokenScope> scope;

    RouteAccess(Optional<TokenScope> scope) {
        this.scope = scope;
    }

    /** The scope a token must hold, when one is needed at all. */
    Optional<TokenScope> scope() {
        return scope;
    }

    /** True when a request needs a token: always for writes, for reads only when the server says so. */
    boolean needsToken(boolean readsNeedToken) {
        return this != PUBLIC && (this != READ || readsNeedToken);
    }
}

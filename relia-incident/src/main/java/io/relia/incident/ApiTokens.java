package io.relia.incident;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Bearer tokens for the server's API. A token is shown once when created; the store keeps only its SHA-256 hash,
 * and checks a presented token by comparing hashes in constant time. Each token carries scopes
 * ({@link TokenScope}) and may expire; tokens created before scopes existed keep every scope ({@link ApiToken#legacy}).
 */
public interface ApiTokens {

    /**
     * Creates a token named {@code name} (who or what uses it) with {@code scopes}, working until {@code expires}
     * if given, and returns it; it cannot be read back later.
     */
    String create(String name, Set<TokenScope> scopes, Optional<Instant> expires, Instant at);

    /** Creates a token with every scope that never expires (tests, and what a token was before scopes). */
    default String create(String name, Instant at) {
        return create(name, TokenScope.ALL, Optional.empty(), at);
    }

    /**
     * The live (not revoked) token {@code token} is, or empty when it is unknown or revoked. An expired token is
     * returned too, so that callers can say it expired: check {@link ApiToken#isExpiredAt}.
     */
    Optional<ApiToken> verify(String token);

    /** Every token not revoked, expired ones included, oldest first. */
    List<ApiToken> list();

    /** Revokes every live token named {@code name}; returns how many. */
    int revoke(String name, Instant at);
}

package io.relia.incident;

import java.time.Instant;
import java.util.Optional;

/**
 * Bearer tokens for the server's write API. A token is shown once when created; the store keeps only its SHA-256
 * hash, and checks a presented token by comparing hashes in constant time.
 */
public interface ApiTokens {

    /** Creates a token named {@code name} (who or what uses it) and returns it; it cannot be read back later. */
    String create(String name, Instant at);

    /** The name of the live token {@code token} is, or empty when it is unknown or revoked. */
    Optional<String> verify(String token);

    /** Revokes every live token named {@code name}; returns how many. */
    int revoke(String name, Instant at);
}

package io.relia.incident;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A live bearer token as the store knows it (never the secret itself): who uses it, what it may do, until when.
 *
 * @param name    who or what uses it; the actor of the timeline entries its requests write
 * @param scopes  what it may do (never empty)
 * @param created when it was created
 * @param expires when it stops working, if ever
 * @param legacy  created before tokens had scopes: it keeps every scope until it is replaced
 */
public record ApiToken(String name, Set<TokenScope> scopes, Instant created, Optional<Instant> expires,
                       boolean legacy) {

    public ApiToken {
        Objects.requireNonNull(name, "name");
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("a token has at least one scope");
        }
        scopes = Collections.unmodifiableSet(EnumSet.copyOf(scopes));
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(expires, "expires");
    }

    /** True when it may do what {@code needed} allows. */
    public boolean allows(TokenScope needed) {
        return TokenScope.allows(scopes, needed);
    }

    /** True when it no longer works at {@code now}. */
    public boolean isExpiredAt(Instant now) {
        return expires.isPresent() && !now.isBefore(expires.get());
    }
}

package io.relia.incident.store;

import io.relia.incident.ApiToken;
import io.relia.incident.ApiTokens;
import io.relia.incident.IncidentException;
import io.relia.incident.TokenScope;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * {@link ApiTokens} in the store's database: 256 random bits per token, SHA-256 hashes at rest, scopes and expiry
 * beside the hash. A row without scopes was created before scopes existed and keeps every scope.
 */
final class TokenRows implements ApiTokens {

    /** Tokens start with this, so that secret scanners and people recognise them. */
    static final String PREFIX = "relia_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "name, token_hash, created_at, scopes, expires_at";

    /**
     * How long a verified token is trusted without asking the database again: a busy webhook sender costs one
     * query per 10 s instead of one per request. A revocation by this process takes effect at once; one by another
     * process (relia token revoke beside a running server) within this time. Expiry is checked by the caller on
     * every request, from the cached expiry time.
     */
    static final Duration TRUST = Duration.ofSeconds(10);
    private static final int MAX_CACHED = 1_000;

    private record Verified(ApiToken token, long until) {
    }

    private final Database database;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    TokenRows(Database database) {
        this.database = database;
    }

    @Override
    public String create(String name, Set<TokenScope> scopes, Optional<Instant> expires, Instant at) {
        if (name == null || name.isBlank()) {
            throw new IncidentException("a token needs a name: who or what will use it");
        }
        if (name.strip().length() > 200) {
            throw new IncidentException("a token name has at most 200 characters");
        }
        if (scopes.isEmpty()) {
            throw new IncidentException("a token needs at least one scope: intake, read, write or admin");
        }
        if (expires.isPresent() && !expires.get().isAfter(at)) {
            throw new IncidentException("a token must expire after it is created (" + expires.get() + " is not after "
                    + at + ")");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO api_tokens (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, name.strip());
                insert.setString(2, hash(token));
                insert.setLong(3, at.toEpochMilli());
                insert.setString(4, EnumSet.copyOf(scopes).stream().map(TokenScope::label)
                        .collect(Collectors.joining(",")));
                if (expires.isPresent()) {
                    insert.setLong(5, expires.get().toEpochMilli());
                } else {
                    insert.setNull(5, Types.BIGINT);
                }
                insert.executeUpdate();
            }
            return null;
        });
        return token;
    }

    @Override
    public Optional<ApiToken> verify(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String presented = hash(token);
        long now = System.nanoTime();
        Verified known = verified.get(presented);
        if (known != null && now - known.until() < 0) {
            return Optional.of(known.token());
        }
        Optional<ApiToken> found = lookUp(presented);
        if (found.isPresent()) {
            if (verified.size() >= MAX_CACHED) {
                verified.clear();
            }
            verified.put(presented, new Verified(found.get(), now + TRUST.toNanos()));
        } else {
            verified.remove(presented);
        }
        return found;
    }

    private Optional<ApiToken> lookUp(String presented) {
        return database.read(connection -> {
            // Looked up by hash: comparing digests, not secrets, leaks nothing through timing; the final check is
            // constant-time anyway.
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL")) {
                select.setString(1, presented);
                try (ResultSet result = select.executeQuery()) {
                    if (result.next() && MessageDigest.isEqual(result.getString(2).getBytes(StandardCharsets.US_ASCII),
                            presented.getBytes(StandardCharsets.US_ASCII))) {
                        return Optional.of(token(result));
                    }
                    return Optional.empty();
                }
            }
        });
    }

    @Override
    public List<ApiToken> list() {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM api_tokens WHERE revoked_at IS NULL ORDER BY created_at, id");
                 ResultSet result = select.executeQuery()) {
                List<ApiToken> tokens = new ArrayList<>();
                while (result.next()) {
                    tokens.add(token(result));
                }
                return tokens;
            }
        });
    }

    private static ApiToken token(ResultSet row) throws SQLException {
        String scopes = row.getString(4);
        long expires = row.getLong(5);
        Optional<Instant> expiry = row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(expires));
        boolean legacy = scopes == null || scopes.isBlank();
        return new ApiToken(row.getString(1), legacy ? TokenScope.ALL : TokenScope.parseList(scopes),
                Instant.ofEpochMilli(row.getLong(3)), expiry, legacy);
    }

    @Override
    public int revoke(String name, Instant at) {
        verified.clear();
        return database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE api_tokens SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL")) {
                update.setLong(1, at.toEpochMilli());
                update.setString(2, name);
                return update.executeUpdate();
            }
        });
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }
}

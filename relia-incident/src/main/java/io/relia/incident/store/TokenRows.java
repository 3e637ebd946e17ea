package io.relia.incident.store;

import io.relia.incident.ApiTokens;
import io.relia.incident.IncidentException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ApiTokens} in the store's database: 256 random bits per token, SHA-256 hashes at rest. */
final class TokenRows implements ApiTokens {

    /** Tokens start with this, so that secret scanners and people recognise them. */
    static final String PREFIX = "relia_";
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * How long a verified token is trusted without asking the database again: a busy webhook sender costs one
     * query per 10 s instead of one per request. A revocation by this process takes effect at once; one by another
     * process (relia token revoke beside a running server) within this time.
     */
    static final Duration TRUST = Duration.ofSeconds(10);
    private static final int MAX_CACHED = 1_000;

    private record Verified(String name, long until) {
    }

    private final Database database;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    TokenRows(Database database) {
        this.database = database;
    }

    @Override
    public String create(String name, Instant at) {
        if (name == null || name.isBlank()) {
            throw new IncidentException("a token needs a name: who or what will use it");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO api_tokens (name, token_hash, created_at) VALUES (?, ?, ?)")) {
                insert.setString(1, name.strip());
                insert.setString(2, hash(token));
                insert.setLong(3, at.toEpochMilli());
                insert.executeUpdate();
            }
            return null;
        });
        return token;
    }

    @Override
    public Optional<String> verify(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String presented = hash(token);
        long now = System.nanoTime();
        Verified known = verified.get(presented);
        if (known != null && now - known.until() < 0) {
            return Optional.of(known.name());
        }
        Optional<String> name = lookUp(presented);
        if (name.isPresent()) {
            if (verified.size() >= MAX_CACHED) {
                verified.clear();
            }
            verified.put(presented, new Verified(name.get(), now + TRUST.toNanos()));
        } else {
            verified.remove(presented);
        }
        return name;
    }

    private Optional<String> lookUp(String presented) {
        return database.read(connection -> {
            // Looked up by hash: comparing digests, not secrets, leaks nothing through timing; the final check is
            // constant-time anyway.
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT name, token_hash FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL")) {
                select.setString(1, presented);
                try (ResultSet result = select.executeQuery()) {
                    if (result.next() && MessageDigest.isEqual(result.getString(2).getBytes(StandardCharsets.US_ASCII),
                            presented.getBytes(StandardCharsets.US_ASCII))) {
                        return Optional.of(result.getString(1));
                    }
                    return Optional.empty();
                }
            }
        });
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

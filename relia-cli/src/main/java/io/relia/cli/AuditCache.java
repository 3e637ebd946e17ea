package io.relia.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Where {@code relia audit} keeps its per-file results by default: one directory per audited repository. */
final class AuditCache {

    /** Overrides the cache home (tests point it into target/). */
    static final String HOME_PROPERTY = "relia.cache.home";

    private AuditCache() {
    }

    /**
     * {@code $XDG_CACHE_HOME/relia/audit/<hash of the directory's real path>}, or under {@code ~/.cache} (see
     * {@link UserHome}) when XDG_CACHE_HOME is not set: repositories audited in turn do not evict each other's entries.
     */
    static Path defaultFor(Path directory) {
        String override = System.getProperty(HOME_PROPERTY);
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path home = override != null && !override.isBlank() ? Path.of(override)
                : xdg != null && !xdg.isBlank() ? Path.of(xdg) : UserHome.directory().resolve(".cache");
        return home.resolve("relia").resolve("audit").resolve(idOf(directory));
    }

    private static String idOf(Path directory) {
        Path real;
        try {
            real = directory.toRealPath();
        } catch (IOException e) {
            real = directory.toAbsolutePath().normalize();
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(real.toString().getBytes(StandardCharsets.UTF_8));
            String name = real.getFileName() == null ? "root" : real.getFileName().toString()
                    .replaceAll("[^A-Za-z0-9._-]", "_");
            return name + "-" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}

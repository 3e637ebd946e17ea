package io.relia.slo.live;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * TSDB blocks that promtool made from an OpenMetrics file, kept under {@code target/prometheus-blocks} and keyed by
 * the file's SHA-256 and the promtool binary, so that a second test run copies them instead of waiting for promtool
 * again (a month of minute samples takes promtool 6-20 s). Blocks are immutable: Prometheus works on copies. Keeps
 * the {@value #MAX_ENTRIES} most recent entries; {@code -Drelia.test.blockCache=off} disables it.
 */
final class BlockCache {

    static final int MAX_ENTRIES = 8;

    private final Path root;

    private BlockCache(Path root) {
        this.root = root;
    }

    /** The cache at {@code -Drelia.test.blockCache=DIR}, by default {@code target/prometheus-blocks}. */
    static BlockCache configured() {
        String setting = System.getProperty("relia.test.blockCache", "target/prometheus-blocks");
        return new BlockCache(setting.equals("off") ? null : Path.of(setting).toAbsolutePath());
    }

    /** The key of the blocks promtool makes from {@code openMetrics}. */
    static String key(Path openMetrics, Path promtool) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(openMetrics), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        String tool = promtool.toRealPath() + "@" + Files.size(promtool) + "@" + Files.getLastModifiedTime(promtool);
        return HexFormat.of().formatHex(sha256.digest()).substring(0, 32) + "-" + Integer.toHexString(tool.hashCode());
    }

    /** Copies the blocks cached under {@code key} into {@code dataDir}; false when there are none. */
    boolean copyInto(String key, Path dataDir) throws IOException {
        Optional<Path> entry = root == null ? Optional.empty() : Optional.of(root.resolve(key))
                .filter(Files::isDirectory);
        if (entry.isEmpty()) {
            return false;
        }
        copyTree(entry.get(), dataDir);
        Files.setLastModifiedTime(entry.get(), FileTime.fromMillis(System.currentTimeMillis()));
        return true;
    }

    /** Keeps copies of {@code blocks} under {@code key}; another run storing the same key at once is harmless. */
    void store(String key, List<Path> blocks) throws IOException {
        if (root == null) {
            return;
        }
        Files.createDirectories(root);
        Path staging = Files.createTempDirectory(root, key + ".staging-");
        for (Path block : blocks) {
            copyTree(block, staging.resolve(block.getFileName().toString()));
        }
        try {
            Files.move(staging, root.resolve(key), StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException alreadyThere) {
            deleteTree(staging);
        }
        evictBeyondLimit();
    }

    private void evictBeyondLimit() throws IOException {
        List<Path> entries;
        try (Stream<Path> all = Files.list(root)) {
            entries = all.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().contains(".staging-"))
                    .sorted(Comparator.comparing(BlockCache::modified).reversed()).toList();
        }
        for (Path old : entries.subList(Math.min(MAX_ENTRIES, entries.size()), entries.size())) {
            deleteTree(old);
        }
    }

    private static long modified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toMillis();
        } catch (IOException gone) {
            return 0;
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}

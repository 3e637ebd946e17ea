package io.relia.audit.java;

import io.relia.core.Finding;
import io.relia.core.Location;
import io.relia.core.Severity;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The Java analyzer's results per file content (SHA-256 of the bytes), kept between runs so that a re-run parses only
 * what changed. Entries are valid for one build of the checks ({@link #engine()}): a rebuilt analyzer starts afresh.
 * A missing, stale or damaged cache file is simply not used; the file is replaced atomically with the entries of the
 * files seen in this run.
 */
final class ResultCache {

    private static final String MAGIC = "relia-java-audit-cache";
    private static final int FORMAT = 1;
    /** More entries than this is not a cache we wrote; stop reading rather than allocate without bound. */
    private static final int MAX_ENTRIES = 10_000_000;
    private static final int MAX_ITEMS = 100_000;
    private static final Severity[] SEVERITIES = Severity.values();

    /** What the checks found in one file: findings and facts, positions only (the path is the caller's). */
    record Entry(List<Item> findings, List<SourceFile.Fact> facts) {

        Entry {
            findings = List.copyOf(findings);
            facts = List.copyOf(facts);
        }

        static Entry of(List<Finding> findings, List<SourceFile.Fact> facts) {
            return new Entry(findings.stream().map(Item::of).toList(), facts);
        }

        List<Finding> findings(Path file) {
            return findings.stream().map(item -> item.at(file)).toList();
        }
    }

    /** One finding without its file. */
    record Item(String ruleId, Severity severity, String message, int line, int column, String fix) {

        static Item of(Finding finding) {
            return new Item(finding.ruleId(), finding.severity(), finding.message(), finding.location().line(),
                    finding.location().column(), finding.fix());
        }

        Finding at(Path file) {
            return new Finding(ruleId, severity, message, Location.of(file, line, column), fix);
        }
    }

    private final Path file;
    private final String engine;
    private final Map<String, Entry> previous;
    private final Map<String, Entry> current = new ConcurrentHashMap<>();
    private final AtomicInteger hits = new AtomicInteger();

    private ResultCache(Path file, String engine, Map<String, Entry> previous) {
        this.file = file;
        this.engine = engine;
        this.previous = previous;
    }

    /** The cache kept in {@code file} for checks built as {@code engine}; empty when the file is absent or unusable. */
    static ResultCache open(Path file, String engine) {
        Map<String, Entry> entries = new ConcurrentHashMap<>();
        if (Files.isRegularFile(file)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                if (in.readUTF().equals(MAGIC) && in.readInt() == FORMAT && in.readUTF().equals(engine)) {
                    read(in, entries);
                }
            } catch (IOException damaged) {
                entries.clear();
            }
        }
        return new ResultCache(file, engine, entries);
    }

    /**
     * Which build of the checks made the results: the jar holding {@code anchor} (path, size, time), or, when the
     * classes come from a directory (a development build), a hash of the class files of {@code anchor}'s package;
     * and the JavaParser in use. Any rebuild of the checks invalidates every entry.
     */
    static String buildOf(Class<?> anchor, Class<?> parser) {
        return codeOf(anchor) + "|" + codeOf(parser);
    }

    private static String codeOf(Class<?> type) {
        try {
            Path source = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(source)) {
                return source + ":" + Files.size(source) + ":" + Files.getLastModifiedTime(source).toMillis();
            }
            Path classes = source.resolve(type.getPackageName().replace('.', '/'));
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (Stream<Path> files = Files.list(classes)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                    digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                    digest.update(Files.readAllBytes(file));
                }
            }
            return source + ":" + HexFormat.of().formatHex(digest.digest());
        } catch (IOException | URISyntaxException | NoSuchAlgorithmException | RuntimeException unknown) {
            // No way to tell the build apart: a value no other run shares, so nothing stale is ever used.
            return "unknown:" + System.nanoTime();
        }
    }

    /** The hex SHA-256 of {@code bytes}: the key of a file's entry. */
    static String key(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** The results of an earlier run on content with {@code key}, kept for the next run too. */
    Optional<Entry> find(String key) {
        Entry entry = previous.get(key);
        if (entry != null) {
            current.put(key, entry);
            hits.incrementAndGet();
        }
        return Optional.ofNullable(entry);
    }

    void put(String key, Entry entry) {
        current.put(key, entry);
    }

    /** How many files were answered from the cache so far. */
    int hits() {
        return hits.get();
    }

    /**
     * Writes the entries used or made in this run, replacing the file atomically (a crash leaves the old one).
     *
     * @throws IOException when the directory or file cannot be written
     */
    void save() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".audit-cache", ".tmp");
        try {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(temporary)))) {
                out.writeUTF(MAGIC);
                out.writeInt(FORMAT);
                out.writeUTF(engine);
                List<byte[]> entries = new ArrayList<>(current.size());
                current.forEach((key, entry) -> encode(key, entry).ifPresent(entries::add));
                out.writeInt(entries.size());
                for (byte[] entry : entries) {
                    out.write(entry);
                }
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void read(DataInputStream in, Map<String, Entry> entries) throws IOException {
        int count = bounded(in.readInt(), MAX_ENTRIES);
        for (int index = 0; index < count; index++) {
            String key = in.readUTF();
            int findingCount = bounded(in.readInt(), MAX_ITEMS);
            List<Item> findings = new ArrayList<>(findingCount);
            for (int finding = 0; finding < findingCount; finding++) {
                String ruleId = in.readUTF();
                int severity = in.readUnsignedByte();
                if (severity >= SEVERITIES.length) {
                    throw new IOException("unknown severity " + severity);
                }
                findings.add(new Item(ruleId, SEVERITIES[severity], in.readUTF(), position(in), position(in),
                        in.readUTF()));
            }
            int factCount = bounded(in.readInt(), MAX_ITEMS);
            List<SourceFile.Fact> facts = new ArrayList<>(factCount);
            for (int fact = 0; fact < factCount; fact++) {
                facts.add(new SourceFile.Fact(in.readUTF(), position(in), position(in)));
            }
            entries.put(key, new Entry(findings, facts));
        }
    }

    /** One entry as bytes; empty for one whose text cannot be stored (over 64 KiB): that file is parsed again. */
    private static Optional<byte[]> encode(String key, Entry entry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(key);
            out.writeInt(entry.findings().size());
            for (Item item : entry.findings()) {
                out.writeUTF(item.ruleId());
                out.writeByte(item.severity().ordinal());
                out.writeUTF(item.message());
                out.writeInt(item.line());
                out.writeInt(item.column());
                out.writeUTF(item.fix());
            }
            out.writeInt(entry.facts().size());
            for (SourceFile.Fact fact : entry.facts()) {
                out.writeUTF(fact.key());
                out.writeInt(fact.line());
                out.writeInt(fact.column());
            }
        } catch (UTFDataFormatException tooLong) {
            return Optional.empty();
        } catch (IOException impossible) {
            throw new UncheckedIOException("writing to memory failed", impossible);
        }
        return Optional.of(bytes.toByteArray());
    }

    /** A line or column: 0 (unknown) or more; anything else is damage. */
    private static int position(DataInputStream in) throws IOException {
        int value = in.readInt();
        if (value < 0) {
            throw new IOException("negative line or column " + value);
        }
        return value;
    }

    private static int bounded(int count, int maximum) throws IOException {
        if (count < 0 || count > maximum) {
            throw new IOException("implausible count " + count);
        }
        return count;
    }
}

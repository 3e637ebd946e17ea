package io.relia.core.files;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The one way Relia reads a file a user named or a review found: regular files only, never more than a cap.
 * Symbolic links are followed; a FIFO, a device ({@code /dev/zero}), a socket or a directory is refused before it
 * is opened, so a read can neither block nor run for ever. The cap is counted while reading (at most cap + 1 bytes
 * are read), never taken from the size the file system reports, which devices and {@code /proc} files misstate.
 * Refusals are {@link RefusedFileException}s; other I/O failures pass through as they are.
 *
 * <p>The type is checked just before the file is opened: a file swapped for a FIFO in between can still block
 * the open. That needs someone who can write the directory being read, who could change the inputs anyway.
 */
public final class InputFiles {

    /** The cap of a structured input (16 MiB): Relia's inputs are small; anything larger is a mistake. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;
    /**
     * The cap of streamed data (1 GiB): recorded metrics, usage history, load-test logs, which their readers also
     * bound by rows; a month of samples every 15 s is tens of MiB.
     */
    public static final long MAX_DATA_BYTES = 1024L * 1024 * 1024;
    /** The cap of a file holding a token or password (64 KiB). */
    public static final long MAX_SECRET_BYTES = 64L * 1024;

    private static final long KIB = 1024;
    private static final long MIB = 1024 * KIB;
    /** Largest array the JVM allocates, so that a cap near {@code Integer.MAX_VALUE} still works. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 16;
    /** S_IFMT and the file types of stat(2), read through the "unix" attribute view where there is one. */
    private static final int TYPE_MASK = 0170000;
    private static final int FIFO = 0010000;
    private static final int CHARACTER_DEVICE = 0020000;
    private static final int BLOCK_DEVICE = 0060000;
    private static final int SOCKET = 0140000;

    private InputFiles() {
    }

    /** All bytes of a regular file of at most {@link #MAX_BYTES}. */
    public static byte[] readAllBytes(Path file) throws IOException {
        return readAllBytes(file, MAX_BYTES);
    }

    /** All bytes of a regular file of at most {@code maxBytes}; a larger one is refused. */
    public static byte[] readAllBytes(Path file, long maxBytes) throws IOException {
        long cap = Math.min(maxBytes, MAX_ARRAY - 1);
        try (InputStream in = open(file)) {
            byte[] bytes = in.readNBytes((int) cap + 1);
            if (bytes.length > cap) {
                throw tooLarge(file, maxBytes);
            }
            return bytes;
        }
    }

    /** The text of a regular file of at most {@code maxBytes}; bytes that are not {@code charset} fail the read. */
    public static String readString(Path file, Charset charset, long maxBytes) throws IOException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(readAllBytes(file, maxBytes))).toString();
    }

    /** The first {@code maxBytes} of a regular file (all of it when shorter): for a guess from the head of a file. */
    public static byte[] readHead(Path file, int maxBytes) throws IOException {
        try (InputStream in = open(file)) {
            return in.readNBytes(maxBytes);
        }
    }

    /** A stream over a regular file that fails with {@link RefusedFileException} when it goes past {@code maxBytes}. */
    public static InputStream newInputStream(Path file, long maxBytes) throws IOException {
        return new CappedInputStream(open(file), maxBytes, () -> tooLarge(file, maxBytes));
    }

    /** A reader over a regular file of at most {@code maxBytes}; bytes that are not {@code charset} fail the read. */
    public static BufferedReader newBufferedReader(Path file, Charset charset, long maxBytes) throws IOException {
        return new BufferedReader(new InputStreamReader(newInputStream(file, maxBytes), charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
    }

    /**
     * Refuses what is not a regular file once links are followed; {@link java.nio.file.NoSuchFileException} when
     * the file (or a link's target) does not exist.
     */
    public static void requireRegularFile(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            String what = attributes.isDirectory() ? "a directory" : specialKind(file);
            if (Files.isSymbolicLink(file)) {
                what = "a link to " + what + ", " + realPath(file);
            }
            throw new RefusedFileException(file, "not a regular file (" + what + ")", "a regular file");
        }
    }

    /** {@code 16 MiB}, {@code 512 KiB}, {@code 100 bytes}: how the caps read in messages. */
    public static String describeSize(long bytes) {
        if (bytes >= MIB && bytes % MIB == 0) {
            return bytes / MIB + " MiB";
        }
        return bytes >= KIB && bytes % KIB == 0 ? bytes / KIB + " KiB" : bytes + " bytes";
    }

    private static InputStream open(Path file) throws IOException {
        requireRegularFile(file);
        return Files.newInputStream(file);
    }

    private static RefusedFileException tooLarge(Path file, long maxBytes) {
        return new RefusedFileException(file, "the file is too large (more than " + describeSize(maxBytes) + ")",
                "a file of at most " + describeSize(maxBytes));
    }

    private static String specialKind(Path file) {
        try {
            if (Files.getAttribute(file, "unix:mode") instanceof Integer mode) {
                return switch (mode & TYPE_MASK) {
                    case FIFO -> "a FIFO";
                    case CHARACTER_DEVICE -> "a character device";
                    case BLOCK_DEVICE -> "a block device";
                    case SOCKET -> "a socket";
                    default -> "a special file";
                };
            }
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException noUnixView) {
            // not a Unix file system: say no more than the portable attributes know
        }
        return "a special file";
    }

    private static String realPath(Path link) {
        try {
            return link.toRealPath().toString();
        } catch (IOException unresolved) {
            return "target unknown";
        }
    }
}

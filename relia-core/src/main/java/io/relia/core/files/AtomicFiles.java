package io.relia.core.files;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Writes text files so that a crash or a full disk never leaves a half-written file in place. */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes content to a writer; may fail with an I/O error. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer writer) throws IOException;
    }

    /** Writes {@code text} (UTF-8) beside the target and renames it into place. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, writer -> writer.write(text));
    }

    /**
     * Streams content beside the target and renames it into place, keeping an existing file's permissions (new
     * files are rw-r--r--). Devices, pipes and other non-regular targets ({@code /dev/stdout}) are written in place.
     * Missing parent directories are created.
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = Files.exists(target) ? target.toRealPath() : target.toAbsolutePath();
        if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
            try (Writer writer = Files.newBufferedWriter(absolute, StandardCharsets.UTF_8)) {
                content.writeTo(writer);
            }
            return;
        }
        Path directory = absolute.getParent();
        if (directory != null) {
            Files.createDirectories(directory);
        }
        Path temporary = Files.createTempFile(directory, "." + absolute.getFileName(), ".tmp");
        try {
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                content.writeTo(writer);
            }
            Set<PosixFilePermission> mode = Files.exists(absolute) ? Files.getPosixFilePermissions(absolute)
                    : PosixFilePermissions.fromString("rw-r--r--");
            Files.setPosixFilePermissions(temporary, mode);
            try {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}

package io.relia.core.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Files and directories only their owner may read: stores of incidents, token files. The permissions are given at
 * creation (0600 files, 0700 directories), so there is no moment when another user could open them. On file
 * systems without POSIX permissions (Windows) they inherit their directory's ACL.
 */
public final class PrivateFiles {

    /** rw------- */
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    /** rwx------ */
    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {
    }

    /** Creates {@code directory} and every missing parent with mode 0700; directories already there are kept. */
    public static Path createDirectories(Path directory) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path at = directory.toAbsolutePath(); at != null && !Files.isDirectory(at); at = at.getParent()) {
            missing.push(at);
        }
        while (!missing.isEmpty()) {
            Path next = missing.pop();
            try {
                Files.createDirectory(next, attributes(next, DIRECTORY));
                restrict(next, DIRECTORY);
            } catch (FileAlreadyExistsException raced) {
                if (!Files.isDirectory(next)) {
                    throw raced;
                }
            }
        }
        return directory;
    }

    /**
     * Creates {@code file} empty with mode 0600 unless it exists (an existing file keeps its permissions); returns
     * true when it created it.
     */
    public static boolean createFileIfMissing(Path file) throws IOException {
        if (Files.exists(file)) {
            return false;
        }
        try {
            Files.createFile(file, attributes(file, FILE));
            restrict(file, FILE);
            return true;
        } catch (FileAlreadyExistsException raced) {
            return false;
        }
    }

    /** Creates the new empty file {@code file} with mode 0600; fails when it exists (never replaces a file). */
    public static Path createNew(Path file) throws IOException {
        Files.createFile(file, attributes(file, FILE));
        restrict(file, FILE);
        return file;
    }

    private static FileAttribute<?>[] attributes(Path path, Set<PosixFilePermission> permissions) {
        return posix(path) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }

    /** The umask can only take bits away; this sets exactly the mode (e.g. when the umask removed owner bits). */
    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (posix(path)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}

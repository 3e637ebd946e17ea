package io.relia.audit;

import io.relia.core.files.InputFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The lines of the files findings point at, read once each; paths are made relative to the audited directory. */
final class SourceFiles {

    /** Files larger than this are not read for suppressions and fingerprints (their lines count as empty). */
    private static final long MAX_BYTES = 16L * 1024 * 1024;

    private final Path root;
    private final Map<String, List<String>> lines = new HashMap<>();

    SourceFiles(Path root) {
        this.root = root;
    }

    /** The lines of a file as a finding names it; empty when it cannot be read. */
    List<String> lines(String file) {
        return lines.computeIfAbsent(file, this::read);
    }

    /** Line {@code number} (1-based) of a file, or empty. */
    String line(String file, int number) {
        List<String> all = lines(file);
        return number >= 1 && number <= all.size() ? all.get(number - 1) : "";
    }

    /** The file relative to the audited directory, with forward slashes. */
    String relative(String file) {
        Path path = Path.of(file).normalize();
        Path normalRoot = root.normalize();
        Path absoluteRoot = root.toAbsolutePath().normalize();
        Path absolute = path.toAbsolutePath().normalize();
        Path relative;
        if (!normalRoot.toString().isEmpty() && path.startsWith(normalRoot)) {
            relative = normalRoot.relativize(path);
        } else if (absolute.startsWith(absoluteRoot) && Files.exists(absolute)) {
            relative = absoluteRoot.relativize(absolute);
        } else {
            relative = path;
        }
        return relative.toString().replace('\\', '/');
    }

    private List<String> read(String file) {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            path = root.resolve(file);
        }
        try {
            return new String(InputFiles.readAllBytes(path, MAX_BYTES), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException | SecurityException unreadable) {
            return List.of();
        }
    }
}

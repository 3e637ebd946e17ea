package io.relia.audit.java;

import io.relia.audit.LibraryJars;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The artifacts already in the local Maven repositories and Gradle caches of {@link LibraryJars}: where the jar or
 * POM of {@code group:artifact:version} is, and which versions of an artifact are there. Reads directory listings
 * only; never downloads.
 */
final class LocalArtifacts {

    private static final Pattern VERSION_PARTS = Pattern.compile("[.\\-]");
    /** Gradle keeps each file under a directory named by its SHA-1; a listing stops after this many. */
    private static final int MAX_LISTED = 64;

    private final LibraryJars where;

    LocalArtifacts(LibraryJars where) {
        this.where = where;
    }

    /** The jar of {@code group:artifact:version}, from the first repository or cache that has it. */
    Optional<Path> jar(String group, String artifact, String version) {
        return file(group, artifact, version, ".jar");
    }

    /** The POM of {@code group:artifact:version}, from the first repository or cache that has it. */
    Optional<Path> pom(String group, String artifact, String version) {
        return file(group, artifact, version, ".pom");
    }

    /** The highest version of {@code group:artifact} with a jar on disk ({@code 1.10} above {@code 1.9}). */
    Optional<String> highestVersion(String group, String artifact) {
        return directories(group, artifact).stream().flatMap(directory -> list(directory).stream())
                .map(version -> String.valueOf(version.getFileName()))
                .filter(version -> jar(group, artifact, version).isPresent())
                .max(LocalArtifacts::compareVersions);
    }

    private Optional<Path> file(String group, String artifact, String version, String extension) {
        if (!safe(group) || !safe(artifact) || !safe(version)) {
            return Optional.empty();
        }
        String name = artifact + "-" + version + extension;
        for (Path repository : where.mavenRepositories()) {
            Path file = maven(repository, group, artifact).resolve(version).resolve(name);
            if (Files.isRegularFile(file)) {
                return Optional.of(file);
            }
        }
        for (Path cache : where.gradleCaches()) {
            for (Path hashed : list(cache.resolve(group).resolve(artifact).resolve(version))) {
                if (Files.isRegularFile(hashed.resolve(name))) {
                    return Optional.of(hashed.resolve(name));
                }
            }
        }
        return Optional.empty();
    }

    private List<Path> directories(String group, String artifact) {
        if (!safe(group) || !safe(artifact)) {
            return List.of();
        }
        return Stream.concat(where.mavenRepositories().stream()
                        .map(repository -> maven(repository, group, artifact)),
                where.gradleCaches().stream().map(cache -> cache.resolve(group).resolve(artifact))).toList();
    }

    private static Path maven(Path repository, String group, String artifact) {
        return repository.resolve(group.replace('.', '/')).resolve(artifact);
    }

    /** Coordinates come from the audited build files: no path separators or parent steps in them. */
    private static boolean safe(String part) {
        return !part.isEmpty() && !part.contains("/") && !part.contains("\\") && !part.contains("..")
                && !part.contains("${");
    }

    private static List<Path> list(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, Files::isDirectory)) {
            List<Path> found = new ArrayList<>();
            for (Path entry : entries) {
                if (found.size() >= MAX_LISTED) {
                    break;
                }
                found.add(entry);
            }
            found.sort(Comparator.naturalOrder());
            return found;
        } catch (IOException unreadable) {
            return List.of();
        }
    }

    /** Numeric parts compare as numbers, others as text; {@code 2.0} is above {@code 2.0-RC1}. */
    static int compareVersions(String left, String right) {
        String[] a = VERSION_PARTS.split(left);
        String[] b = VERSION_PARTS.split(right);
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            boolean numbers = a[i].matches("\\d{1,18}") && b[i].matches("\\d{1,18}");
            int order = numbers ? Long.compare(Long.parseLong(a[i]), Long.parseLong(b[i])) : a[i].compareTo(b[i]);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(b.length, a.length);
    }
}

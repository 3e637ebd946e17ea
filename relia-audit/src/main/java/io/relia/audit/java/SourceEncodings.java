package io.relia.audit.java;

import io.relia.core.Location;
import io.relia.core.Problem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The character encoding a Java source is compiled in, as its build declares it, and the source decoded with it.
 * javac reads sources in the encoding the build passes ({@code project.build.sourceEncoding} or the compiler
 * plugin's {@code encoding} in Maven, {@code options.encoding} in Gradle), so many older projects keep Latin-1 or
 * GBK sources that are valid for their build and not UTF-8. The nearest build file up from the source that
 * declares an encoding wins (a module inherits its parent POM's property). With none declared and bytes that are
 * not UTF-8, the file is read as ISO-8859-1 (every byte is a character; Java syntax is ASCII, so only string and
 * comment text can differ) and a warning says so: the file is read whole, never left out.
 */
final class SourceEncodings {

    /** The compiler plugin's {@code <encoding>} (a POM property is read by {@link MavenPom}). */
    private static final Pattern MAVEN_COMPILER = Pattern.compile("<encoding>\\s*([^<\\s$]+)\\s*</encoding>");
    private static final String MAVEN_PROPERTY = "project.build.sourceEncoding";
    private static final Pattern GRADLE = Pattern.compile("\\bencoding\\s*=\\s*['\"]([^'\"]+)['\"]");
    private static final long MAX_BUILD_FILE = 4L * 1024 * 1024;

    private final Path root;
    private final Map<Path, Optional<Charset>> byDirectory = new ConcurrentHashMap<>();

    SourceEncodings(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * The text of {@code bytes}, the source at {@code file} (shown as {@code shown}); empty, with an error passed to
     * {@code problems}, when the bytes are not valid in the encoding the build declares.
     */
    Optional<String> decode(Path file, Path shown, byte[] bytes, Consumer<Problem> problems) {
        Optional<Charset> declared = declared(file.toAbsolutePath().normalize().getParent());
        Charset charset = declared.orElse(StandardCharsets.UTF_8);
        try {
            return Optional.of(strict(charset, bytes));
        } catch (CharacterCodingException e) {
            if (declared.isPresent()) {
                problems.accept(Problem.error(Location.wholeFile(shown), "not " + charset.name()
                        + " text although the build declares that source encoding; Java checks skipped",
                        "a Java source in " + charset.name(), "re-encode the file or fix the declared encoding"));
                return Optional.empty();
            }
            problems.accept(Problem.warning(Location.wholeFile(shown), "not UTF-8 and the build declares no source "
                    + "encoding: read as ISO-8859-1 (only string and comment text can differ)",
                    "a UTF-8 Java source, or project.build.sourceEncoding in pom.xml",
                    "declare the encoding the sources are in, or re-encode them as UTF-8"));
            return Optional.of(new String(bytes, StandardCharsets.ISO_8859_1));
        }
    }

    private static String strict(Charset charset, byte[] bytes) throws CharacterCodingException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** The encoding declared by the nearest build file at or above {@code directory}, within the audited root. */
    private Optional<Charset> declared(Path directory) {
        if (directory == null || !directory.startsWith(root)) {
            return Optional.empty();
        }
        Optional<Charset> known = byDirectory.get(directory);
        if (known != null) {
            return known;
        }
        Optional<Charset> found = inBuildFiles(directory);
        if (found.isEmpty() && !directory.equals(root)) {
            found = declared(directory.getParent());
        }
        byDirectory.putIfAbsent(directory, found);
        return found;
    }

    private static Optional<Charset> inBuildFiles(Path directory) {
        Optional<Charset> maven = inPom(directory.resolve("pom.xml"));
        if (maven.isPresent()) {
            return maven;
        }
        Optional<Charset> gradle = named(directory.resolve("build.gradle"), GRADLE);
        return gradle.isPresent() ? gradle : named(directory.resolve("build.gradle.kts"), GRADLE);
    }

    /** The POM's {@code project.build.sourceEncoding} property, else its compiler plugin's encoding. */
    private static Optional<Charset> inPom(Path pom) {
        return read(pom).flatMap(text -> MavenPom.parse(text)
                .flatMap(parsed -> Optional.ofNullable(parsed.properties().get(MAVEN_PROPERTY)))
                .flatMap(SourceEncodings::charset)
                .or(() -> named(text, MAVEN_COMPILER)));
    }

    private static Optional<Charset> named(Path buildFile, Pattern pattern) {
        return read(buildFile).flatMap(text -> named(text, pattern));
    }

    private static Optional<Charset> named(String text, Pattern pattern) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            Optional<Charset> charset = charset(matcher.group(1));
            if (charset.isPresent()) {
                return charset;
            }
        }
        return Optional.empty();
    }

    /** A build file's text; empty when it is absent, too large or unreadable (it then declares nothing). */
    private static Optional<String> read(Path buildFile) {
        try {
            if (!Files.isRegularFile(buildFile) || Files.size(buildFile) > MAX_BUILD_FILE) {
                return Optional.empty();
            }
            return Optional.of(Files.readString(buildFile, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Charset> charset(String name) {
        try {
            return Optional.of(Charset.forName(name.trim()));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }
}

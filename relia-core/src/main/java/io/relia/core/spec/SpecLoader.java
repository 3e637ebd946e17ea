package io.relia.core.spec;

import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.files.InputFiles;
import io.relia.core.files.RefusedFileException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one loader for YAML and JSON inputs. It keeps line:column for every node, accepts multi-document YAML,
 * rejects duplicate keys, binary files, what is not a regular file, files over {@link #MAX_BYTES} and content
 * beyond the {@link InputLimits}, and never throws on bad content: every problem comes back located in the
 * {@link LoadResult}.
 */
public final class SpecLoader {

    /** Largest input accepted (16 MiB): spec files are small; anything larger is a mistake, not a spec. */
    public static final long MAX_BYTES = InputLimits.MAX_FILE_BYTES;

    /** The error of a file that holds no document: blank, or only comments and {@code ---}. */
    private static final String EMPTY = "the file is empty";
    private static final String NO_DOCUMENT = "the file holds no document";

    private SpecLoader() {
    }

    /** Loads a file; JSON when its name ends in {@code .json}, YAML otherwise (YAML also reads JSON). */
    public static LoadResult load(Path path) {
        return load(path, false);
    }

    /**
     * Loads a {@code .json} file as JSONC, the dialect of VS Code settings, {@code tsconfig.json} and
     * {@code devcontainer.json}: comments and trailing commas allowed. Only for telling such a file from a broken
     * one; Relia's own inputs are strict JSON, as the tools that run them read them.
     */
    public static LoadResult loadJsonc(Path path) {
        return load(path, true);
    }

    /**
     * True when the file is a YAML stream of no document (blank, or only comments and {@code ---}): valid YAML with
     * nothing in it. The commands that need a document report it as an error; discovery finds no input there.
     */
    public static boolean holdsNoDocument(LoadResult result) {
        List<Problem> errors = result.problems().stream().filter(Problem::isError).toList();
        return !errors.isEmpty() && errors.stream().allMatch(problem -> problem.message().equals(EMPTY)
                || problem.message().equals(NO_DOCUMENT));
    }

    private static LoadResult load(Path path, boolean jsonc) {
        Location whole = Location.wholeFile(path);
        byte[] bytes;
        try {
            bytes = InputFiles.readAllBytes(path, MAX_BYTES);
        } catch (RefusedFileException refused) {
            return failed(refused.problem());
        } catch (NoSuchFileException missing) {
            return failed(Problem.error(whole, "no such file", "an existing YAML or JSON file", ""));
        } catch (IOException unreadable) {
            return failed(Problem.error(whole, "cannot read the file: " + unreadable.getMessage(), "", ""));
        }
        return parse(path, bytes, jsonc);
    }

    /** Parses content already read; {@code path} names it in messages and chooses JSON or YAML. */
    public static LoadResult parse(Path path, byte[] bytes) {
        return parse(path, bytes, false);
    }

    private static LoadResult parse(Path path, byte[] bytes, boolean jsonc) {
        Optional<Problem> binary = binaryContent(path, bytes);
        if (binary.isPresent()) {
            return failed(binary.get());
        }
        String text;
        try {
            text = strictUtf8(bytes);
        } catch (CharacterCodingException notUtf8) {
            return failed(invalidUtf8(path, bytes));
        }
        return parse(path, text, jsonc);
    }

    /** Parses text; {@code path} names it in messages and chooses JSON ({@code .json}) or YAML. */
    public static LoadResult parse(Path path, String text) {
        return parse(path, text, false);
    }

    private static LoadResult parse(Path path, String text, boolean jsonc) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            return failed(Problem.error(new Location(path.toString(), 1, 1), EMPTY,
                    "a YAML or JSON document", ""));
        }
        List<Problem> problems = new ArrayList<>();
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        Optional<List<Node>> roots = name.endsWith(".json")
                ? JsonTreeReader.read(path, text, problems, jsonc)
                : YamlTreeReader.read(path, text, problems);
        if (roots.isEmpty()) {
            return new LoadResult(Optional.empty(), problems);
        }
        List<SpecDocument> documents = new ArrayList<>();
        for (Node root : roots.get()) {
            if (root instanceof ScalarNode scalar && scalar.isNull()) {
                continue;
            }
            documents.add(new SpecDocument(path, documents.size(), root));
        }
        if (documents.isEmpty()) {
            problems.add(Problem.error(new Location(path.toString(), 1, 1), NO_DOCUMENT,
                    "a YAML or JSON document", "the file has only comments or empty documents"));
        }
        return new LoadResult(Optional.of(new SpecFile(path, documents)), problems);
    }

    private static LoadResult failed(Problem problem) {
        return new LoadResult(Optional.empty(), List.of(problem));
    }

    private static Optional<Problem> binaryContent(Path path, byte[] bytes) {
        int limit = Math.min(bytes.length, 8192);
        for (int i = 0; i < limit; i++) {
            if (bytes[i] == 0) {
                return Optional.of(Problem.error(Location.wholeFile(path),
                        "the file is binary (a NUL byte at offset " + i + ")", "a YAML or JSON text file", ""));
            }
        }
        return Optional.empty();
    }

    private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return decoder.decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** Locates the first byte that is not UTF-8 by decoding prefixes line by line. */
    private static Problem invalidUtf8(Path path, byte[] bytes) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            } else if (bytes[i] < 0) {
                int length = utf8Length(bytes, i);
                if (length < 0) {
                    int column = new String(bytes, lineStart, i - lineStart, StandardCharsets.UTF_8).length() + 1;
                    return Problem.error(new Location(path.toString(), line, column),
                            String.format("byte 0x%02x is not UTF-8", bytes[i] & 0xff), "UTF-8 text",
                            "save the file as UTF-8");
                }
                i += length - 1;
            }
        }
        return Problem.error(Location.wholeFile(path), "the file is not UTF-8", "UTF-8 text", "save the file as UTF-8");
    }

    private static int utf8Length(byte[] bytes, int start) {
        int lead = bytes[start] & 0xff;
        int length = lead >= 0xf0 && lead <= 0xf4 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 && lead < 0xe0 ? 2 : -1;
        if (length < 0 || start + length > bytes.length) {
            return -1;
        }
        try {
            strictUtf8(java.util.Arrays.copyOfRange(bytes, start, start + length));
            return length;
        } catch (CharacterCodingException invalid) {
            return -1;
        }
    }
}

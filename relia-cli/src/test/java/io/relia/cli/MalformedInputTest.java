package io.relia.cli;

import io.relia.core.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every malformed input gets a located message and exit code 2, never a stack trace. */
class MalformedInputTest {

    private static final Path CORPUS = corpus();

    private static Path corpus() {
        try {
            return Path.of(MalformedInputTest.class.getResource("/malformed/corpus.tsv").toURI()).getParent();
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Each corpus line: a file and the substring its first error must contain. */
    static Stream<String[]> corpusEntries() throws IOException {
        return Files.readAllLines(CORPUS.resolve("corpus.tsv")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t", 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusEntries")
    void validateGivesALocatedErrorAndExitCode2(String file, String expected) {
        Path path = CORPUS.resolve(file);
        CliRun run = CliRun.of("validate", path.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.INPUT);
        String first = run.err().lines().findFirst().orElse("");
        assertThat(first).matches(Pattern.quote(path.toString()) + "(:\\d+(:\\d+)?)?: error: .+");
        assertThat(first).contains(expected);
        assertThat(run.showsStackTrace()).as(run.err()).isFalse();
    }

    @Test
    void binaryInvalidUtf8AndHugeFilesToo(@TempDir Path dir) throws IOException {
        Path binary = dir.resolve("binary.yaml");
        Files.write(binary, new byte[] {'a', ':', ' ', 0, (byte) 0xff, 1});
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Path huge = dir.resolve("huge.yaml");
        try (OutputStream out = Files.newOutputStream(huge)) {
            byte[] line = ("- " + "x".repeat(1022) + "\n").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 17 * 1024; i++) {
                out.write(line);
            }
        }
        for (Path path : List.of(binary, latin1, huge)) {
            CliRun run = CliRun.of("validate", path.toString());
            assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT);
            assertThat(run.err()).startsWith(path + "").contains(": error: ");
            assertThat(run.showsStackTrace()).isFalse();
        }
        assertThat(CliRun.of("validate", latin1.toString()).err()).startsWith(latin1 + ":1:10: error: byte 0xe9");
    }

    @Test
    void reviewOfTheWholeCorpusListsEveryProblemWithoutCrashing() {
        CliRun run = CliRun.of("review", CORPUS.toString(), "--format", "json");
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("\"problems\"", "tabs.yaml", "a tab character");
        assertThat(run.showsStackTrace()).isFalse();
    }

    @Test
    void validateReportsEveryFileAndEveryProblemAtOnce() {
        CliRun run = CliRun.of("validate", CORPUS.resolve("tabs.yaml").toString(),
                CORPUS.resolve("wrong-types-capacity.yaml").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err().lines()).hasSizeGreaterThanOrEqualTo(3)
                .anyMatch(line -> line.contains("tabs.yaml:2:1: error"))
                .anyMatch(line -> line.contains("wrong-types-capacity.yaml:3:14: error"));
    }
}

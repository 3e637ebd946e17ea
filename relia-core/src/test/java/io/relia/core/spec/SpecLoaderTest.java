package io.relia.core.spec;

import io.relia.core.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SpecLoaderTest {

    private static final Path FILE = Path.of("dir/spec.yaml");

    private static LoadResult yaml(String text) {
        return SpecLoader.parse(FILE, text);
    }

    private static String firstProblem(LoadResult result) {
        assertThat(result.problems()).isNotEmpty();
        return result.problems().getFirst().format();
    }

    @Test
    void onlyDocumentRefusesAFileWithSeveralAtTheSecondOne() {
        io.relia.core.Problems problems = new io.relia.core.Problems();
        assertThat(SpecLoader.parse(Path.of("two.yaml"), "a: 1\n---\nb: 2\n").onlyDocument("scenario", problems))
                .isEmpty();
        assertThat(problems.sorted()).singleElement().satisfies(p -> {
            assertThat(p.location().line()).isEqualTo(3);
            assertThat(p.format()).contains("the file holds 2 documents", "one scenario per file");
        });
        io.relia.core.Problems none = new io.relia.core.Problems();
        assertThat(SpecLoader.parse(Path.of("one.yaml"), "a: 1\n").onlyDocument("scenario", none)).isPresent();
        assertThat(none.sorted()).isEmpty();
    }

    @Test
    void keepsLineAndColumnOfEveryNode() {
        SpecFile file = yaml("""
                service: checkout
                slos:
                  - name: availability
                    target: 99.9%
                """).file().orElseThrow();
        MapNode root = (MapNode) file.documents().getFirst().root();
        MapNode slo = (MapNode) root.list("slos").orElseThrow().get(0);
        assertThat(root.get("service").orElseThrow().location().toString()).isEqualTo("dir/spec.yaml:1:10");
        assertThat(slo.location().toString()).isEqualTo("dir/spec.yaml:3:5");
        assertThat(slo.get("target").orElseThrow().location().toString()).isEqualTo("dir/spec.yaml:4:13");
        assertThat(slo.locationOf("target").toString()).isEqualTo("dir/spec.yaml:4:5");
    }

    @Test
    void readsEveryDocumentOfAMultiDocumentFile() {
        SpecFile file = yaml("""
                ---
                kind: Deployment
                ---
                # only a comment
                ---
                kind: Service
                """).file().orElseThrow();
        assertThat(file.documents()).hasSize(2);
        assertThat(file.documents().get(1).root().location().line()).isEqualTo(6);
    }

    @Test
    void keepsScalarsAsWrittenAndTypesThemByYaml12() {
        MapNode root = (MapNode) yaml("a: on\nb: \"12\"\nc: 12\nd: true\ne: ~\nf: 99.95%\n").file().orElseThrow()
                .documents().getFirst().root();
        assertThat(root.text("a")).contains("on");
        assertThat(((ScalarNode) root.get("a").orElseThrow()).type()).isEqualTo(ScalarNode.Type.STRING);
        assertThat(((ScalarNode) root.get("b").orElseThrow()).type()).isEqualTo(ScalarNode.Type.STRING);
        assertThat(((ScalarNode) root.get("c").orElseThrow()).type()).isEqualTo(ScalarNode.Type.INTEGER);
        assertThat(((ScalarNode) root.get("d").orElseThrow()).asBoolean()).contains(true);
        assertThat(((ScalarNode) root.get("e").orElseThrow()).isNull()).isTrue();
        assertThat(root.text("f")).contains("99.95%");
    }

    @Test
    void resolvesAliasesAndMergeKeys() {
        MapNode root = (MapNode) yaml("""
                base: &base
                  timeout: 5s
                  retries: 3
                client:
                  <<: *base
                  retries: 5
                """).file().orElseThrow().documents().getFirst().root();
        MapNode client = root.map("client").orElseThrow();
        assertThat(client.text("timeout")).contains("5s");
        assertThat(client.text("retries")).contains("5");
    }

    @Test
    void reportsDuplicateKeysWithBothLines() {
        LoadResult result = yaml("name: a\ntarget: 1\nname: b\n");
        assertThat(result.hasErrors()).isTrue();
        assertThat(firstProblem(result))
                .isEqualTo("dir/spec.yaml:3:1: error: duplicate key \"name\" (first at line 1); expected each key "
                        + "once per mapping (hint: remove one of them; YAML keeps only one)");
    }

    @Test
    void explainsTabs() {
        String message = firstProblem(yaml("slos:\n\t- name: a\n"));
        assertThat(message).startsWith("dir/spec.yaml:2:1: error: invalid YAML: a tab character");
        assertThat(message).contains("hint: indent with spaces");
    }

    @Test
    void locatesBrokenYaml() {
        assertThat(firstProblem(yaml("a: [1, 2\nb: 3\n")))
                .matches("dir/spec\\.yaml:\\d+:\\d+: error: invalid YAML: .*");
        assertThat(firstProblem(yaml("a: b: c\n")))
                .startsWith("dir/spec.yaml:1:5: error: invalid YAML: mapping values");
        assertThat(yaml("key: 'unclosed\n").hasErrors()).isTrue();
    }

    @Test
    void refusesEmptyAndCommentOnlyFiles() {
        assertThat(firstProblem(yaml(""))).isEqualTo("dir/spec.yaml:1:1: error: the file is empty; expected a YAML or "
                + "JSON document");
        assertThat(firstProblem(yaml("# nothing here\n"))).contains("the file holds no document");
    }

    @Test
    void aStreamOfNoDocumentIsToldApartFromBrokenYaml() {
        assertThat(SpecLoader.holdsNoDocument(yaml(""))).isTrue();
        assertThat(SpecLoader.holdsNoDocument(yaml("# filled in per profile\n---\n"))).isTrue();
        assertThat(SpecLoader.holdsNoDocument(yaml("a: [1\n"))).isFalse();
        assertThat(SpecLoader.holdsNoDocument(yaml("a: 1\n"))).isFalse();
    }

    @Test
    void jsoncAllowsCommentsAndTrailingCommasThatStrictJsonRefuses(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("tsconfig.json"), "{\n  // strict mode\n  \"strict\": true,\n}\n");

        assertThat(SpecLoader.load(file).hasErrors()).isTrue();
        LoadResult jsonc = SpecLoader.loadJsonc(file);
        assertThat(jsonc.problems()).isEmpty();
        assertThat(jsonc.file().orElseThrow().documents().getFirst().root()).isInstanceOfSatisfying(MapNode.class,
                map -> assertThat(map.text("strict")).contains("true"));
    }

    @Test
    void refusesBinaryAndInvalidUtf8() {
        assertThat(firstProblem(SpecLoader.parse(FILE, new byte[] {'a', ':', 0, 1, 2})))
                .isEqualTo("dir/spec.yaml: error: the file is binary (a NUL byte at offset 2); expected a YAML or JSON "
                        + "text file");
        byte[] latin1 = "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(firstProblem(SpecLoader.parse(FILE, latin1)))
                .startsWith("dir/spec.yaml:1:10: error: byte 0xe9 is not UTF-8");
    }

    @Test
    void refusesHugeFilesWithoutReadingThem(@TempDir Path dir) throws IOException {
        Path huge = dir.resolve("huge.yaml");
        try (var out = Files.newOutputStream(huge)) {
            byte[] line = "key: value value value value value value value value value value\n".getBytes();
            for (long written = 0; written <= SpecLoader.MAX_BYTES; written += line.length) {
                out.write(line);
            }
        }
        assertThat(firstProblem(SpecLoader.load(huge))).isEqualTo(huge + ": error: the file is too large (more than "
                + "16 MiB); expected a file of at most 16 MiB");
    }

    @Test
    void refusesAScalarLongerThanTheLimitAtItsStart() {
        String value = "a".repeat(15_000_000);
        for (String text : List.of("name: " + value + "\n", "name: \"" + value + "\"\n",
                "name: |\n  " + value + "\n")) {
            LoadResult result = yaml("service: checkout\n" + text);
            assertThat(result.file()).isEmpty();
            // a block scalar keeps its final line break: one character more
            assertThat(firstProblem(result)).matches("dir/spec\\.yaml:2:7: error: a scalar of 1500000[01] characters; "
                    + "expected at most 4194304 characters per scalar");
        }
    }

    @Test
    void refusesAKeyLongerThanTheLimit() {
        // YAML allows long keys only as explicit ones ("? key"); a plain key ends at 1024 characters
        assertThat(firstProblem(yaml("a: 1\n? " + "k".repeat(InputLimits.MAX_SCALAR_CHARS + 1) + "\n: 1\n")))
                .isEqualTo("dir/spec.yaml:2:3: error: a scalar of 4194305 characters; expected at most 4194304 "
                        + "characters per scalar");
    }

    @Test
    void readsAScalarJustUnderTheLimit() {
        String value = "a".repeat(InputLimits.MAX_SCALAR_CHARS);
        MapNode root = (MapNode) yaml("name: " + value + "\n").file().orElseThrow().documents().getFirst().root();
        assertThat(root.text("name")).contains(value);
        MapNode json = (MapNode) SpecLoader.parse(Path.of("x.json"), "{\"name\": \"" + value + "\"}")
                .file().orElseThrow().documents().getFirst().root();
        assertThat(json.text("name")).contains(value);
    }

    @Test
    void refusesAPlainNumberTooLongToConvertButNotQuotedDigits() {
        String digits = "1".repeat(InputLimits.MAX_NUMBER_CHARS + 1);
        assertThat(firstProblem(yaml("a: 1\nb: " + digits + "\n"))).isEqualTo("dir/spec.yaml:2:4: error: a number "
                + "of 1001 characters; expected at most 1000 characters per number (quote it to make it text)");
        assertThat(yaml("b: \"" + digits + "\"\n").hasErrors()).isFalse();
        assertThat(yaml("b: " + "1".repeat(InputLimits.MAX_NUMBER_CHARS) + "\n").hasErrors()).isFalse();
    }

    @Test
    void refusesJsonBeyondTheLimitsInOwnWordsAtTheToken() {
        Path json = Path.of("x.json");
        String longString = "s".repeat(InputLimits.MAX_SCALAR_CHARS + 1);
        assertThat(firstProblem(SpecLoader.parse(json, "{\"a\": 1,\n \"b\": \"" + longString + "\"}")))
                .isEqualTo("x.json:2:7: error: a string longer than 4194304 characters; expected strings of at most "
                        + "4194304 characters");
        assertThat(firstProblem(SpecLoader.parse(json, "{\"a\": 1,\n \"" + longString + "\": 1}")))
                .startsWith("x.json:2:").contains("error: a key longer than 4194304 characters");
        assertThat(firstProblem(SpecLoader.parse(json, "{\"b\": " + "1".repeat(1001) + "}")))
                .startsWith("x.json:1:").contains("error: a number longer than 1000 characters");
        assertThat(firstProblem(SpecLoader.parse(json, "[".repeat(501) + "]".repeat(501))))
                .startsWith("x.json:1:").contains("error: the document nests more than 500 levels deep");
        assertThat(SpecLoader.parse(json, "[".repeat(500) + "]".repeat(500)).hasErrors()).isFalse();
    }

    @Test
    void refusesWhatIsNotARegularFileWithoutOpeningIt(@TempDir Path dir) throws IOException, InterruptedException {
        Path fifo = dir.resolve("fifo.yaml");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is available");
        Path zero = Files.createSymbolicLink(dir.resolve("zero.yaml"), Path.of("/dev/zero"));
        assertThat(firstProblem(SpecLoader.load(fifo))).isEqualTo(fifo + ": error: not a regular file (a FIFO); "
                + "expected a regular file");
        assertThat(firstProblem(SpecLoader.load(zero))).isEqualTo(zero + ": error: not a regular file (a link to a "
                + "character device, /dev/zero); expected a regular file");
    }

    @Test
    void boundsAliasExpansion() {
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 9; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            bomb.append("]\n");
        }
        LoadResult result = yaml(bomb.toString());
        assertThat(result.hasErrors()).isTrue();
        assertThat(firstProblem(result)).containsAnyOf("more than 1000000 nodes", "aliases");
    }

    @Test
    void readsJsonWithLocations() {
        LoadResult result = SpecLoader.parse(Path.of("x.json"), "{\n  \"a\": [1, {\"b\": true}]\n}\n");
        MapNode root = (MapNode) result.file().orElseThrow().documents().getFirst().root();
        MapNode inner = (MapNode) root.list("a").orElseThrow().get(1);
        assertThat(inner.location().toString()).isEqualTo("x.json:2:12");
        assertThat(((ScalarNode) inner.get("b").orElseThrow()).asBoolean()).contains(true);
    }

    @Test
    void locatesJsonErrorsAndDuplicates() {
        assertThat(firstProblem(SpecLoader.parse(Path.of("x.json"), "{\"a\": 1,,}")))
                .startsWith("x.json:1:9: error: invalid JSON:");
        assertThat(firstProblem(SpecLoader.parse(Path.of("x.json"), "{\"a\": 1, \"a\": 2}")))
                .startsWith("x.json:1:10: error: duplicate key \"a\"");
        assertThat(firstProblem(SpecLoader.parse(Path.of("x.json"), "{} {}")))
                .contains("unexpected content after the JSON value");
    }

    @Test
    void reportsMissingFilesAndDirectories(@TempDir Path dir) {
        assertThat(firstProblem(SpecLoader.load(dir.resolve("none.yaml")))).endsWith("error: no such file; expected an "
                + "existing YAML or JSON file");
        assertThat(firstProblem(SpecLoader.load(dir))).contains("error: not a regular file (a directory)");
    }

    static Stream<byte[]> randomBytes() {
        Random random = new Random(42L);
        String yamlish = "ab: -[]{}&*!|>'\"%@`#,?\n\t 0123";
        return IntStream.range(0, 400).mapToObj(i -> {
            byte[] bytes = new byte[random.nextInt(200)];
            for (int b = 0; b < bytes.length; b++) {
                bytes[b] = i % 4 == 0 ? (byte) random.nextInt(256)
                        : (byte) yamlish.charAt(random.nextInt(yamlish.length()));
            }
            return bytes;
        });
    }

    @ParameterizedTest
    @MethodSource("randomBytes")
    void neverThrowsOnGarbageAndLocatesEveryError(byte[] bytes) {
        for (Path name : new Path[] {FILE, Path.of("g.json")}) {
            LoadResult result = SpecLoader.parse(name, bytes);
            assertThat(result.file().isPresent() || result.hasErrors()).isTrue();
            for (Problem problem : result.problems()) {
                assertThat(problem.format()).startsWith(name.toString()).contains(": error: ");
            }
        }
    }
}

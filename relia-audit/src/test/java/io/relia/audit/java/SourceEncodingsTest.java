package io.relia.audit.java;

import io.relia.audit.AuditContext;
import io.relia.core.Finding;
import io.relia.core.Problem;
import io.relia.core.review.InputDiscovery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Java sources are read in the encoding their build compiles them in, and never left out for their bytes. */
class SourceEncodingsTest {

    private static final String SOURCE = """
            class Cafe {
                // Café au lait: the comment is not ASCII
                String name = "Café";
                void pause() {
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                    }
                }
            }
            """;

    private final List<Problem> problems = new ArrayList<>();

    @Test
    void aModuleInheritsItsParentPomsSourceEncoding(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("pom.xml"), "<project><properties><project.build.sourceEncoding>ISO-8859-1"
                + "</project.build.sourceEncoding></properties></project>");
        Path file = write(root.resolve("module/src/main/java/Cafe.java"), StandardCharsets.ISO_8859_1);
        Files.writeString(root.resolve("module/pom.xml"), "<project><artifactId>module</artifactId></project>");

        assertThat(decode(root, file)).contains(SOURCE);
        assertThat(problems).isEmpty();
    }

    @Test
    void gradlesCompilerEncodingCountsToo(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("build.gradle"), "tasks.withType(JavaCompile) { options.encoding = 'GBK' }");
        String chinese = SOURCE.replace("Café", "咖啡");
        Path file = root.resolve("src/main/java/Cafe.java");
        Files.createDirectories(file.getParent());
        Files.write(file, chinese.getBytes(Charset.forName("GBK")));

        assertThat(decode(root, file)).contains(chinese);
        assertThat(problems).isEmpty();
    }

    @Test
    void withNoDeclaredEncodingAFileThatIsNotUtf8IsReadWholeWithAWarning(@TempDir Path root) throws IOException {
        Path file = write(root.resolve("Cafe.java"), StandardCharsets.ISO_8859_1);

        assertThat(decode(root, file)).contains(SOURCE);
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.level()).isEqualTo(Problem.Level.WARNING);
            assertThat(problem.message()).contains("read as ISO-8859-1");
        });
    }

    @Test
    void bytesThatAreNotInTheDeclaredEncodingAreAnErrorAndTheFileIsNotChecked(@TempDir Path root)
            throws IOException {
        Files.writeString(root.resolve("pom.xml"), "<project><build><plugins><plugin><configuration>"
                + "<encoding>UTF-8</encoding></configuration></plugin></plugins></build></project>");
        Path file = write(root.resolve("Cafe.java"), StandardCharsets.ISO_8859_1);

        assertThat(decode(root, file)).isEmpty();
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.level()).isEqualTo(Problem.Level.ERROR);
            assertThat(problem.message()).contains("declares that source encoding");
        });
    }

    @Test
    void theAnalyzerAuditsALatin1SourceInsteadOfSkippingIt(@TempDir Path root) throws IOException {
        write(root.resolve("Cafe.java"), StandardCharsets.ISO_8859_1);
        AuditContext context = new AuditContext(InputDiscovery.scan(root), Set.of());

        new JavaAnalyzer().analyze(context);

        assertThat(context.findings()).extracting(Finding::ruleId).containsExactly("java/interrupted-swallowed");
        assertThat(context.problems()).extracting(Problem::level).containsExactly(Problem.Level.WARNING);
    }

    private Optional<String> decode(Path root, Path file) throws IOException {
        return new SourceEncodings(root).decode(file, file, Files.readAllBytes(file), problems::add);
    }

    private static Path write(Path file, Charset charset) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, SOURCE.getBytes(charset));
        return file;
    }
}

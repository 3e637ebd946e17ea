package io.relia.audit.baseline;

import io.relia.audit.AuditOptions;
import io.relia.audit.AuditResult;
import io.relia.audit.Auditor;
import io.relia.audit.FakeAnalyzer;
import io.relia.core.InputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaselineTest {

    @TempDir
    Path root;
    @TempDir
    Path elsewhere;

    private final Auditor auditor = new Auditor(List.of(new FakeAnalyzer()));
    private Path source;
    private Path baselineFile;

    @BeforeEach
    void acceptTodaysFindings() throws IOException {
        source = root.resolve("src/A.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class A {\n    void a() { BAD(); }\n    void b() { BAD(); }\n}\n");
        AuditResult today = auditor.run(root, AuditOptions.defaults());
        assertThat(today.findings()).hasSize(2);
        baselineFile = elsewhere.resolve("baseline.json");
        Files.writeString(baselineFile, today.baseline().toJson());
    }

    private AuditResult auditWithBaseline() {
        return auditor.run(root, new AuditOptions(Set.of(), List.of(), baselineFile));
    }

    @Test
    void hidesAcceptedFindingsAndCountsThem() {
        AuditResult result = auditWithBaseline();
        assertThat(result.findings()).isEmpty();
        assertThat(result.baselined()).hasSize(2);
    }

    @Test
    void findingsStayBaselinedWhenLinesAreInsertedAbove() throws IOException {
        Files.writeString(source, "// a new header\nimport x.Y;\n\nclass A {\n    void a() { BAD(); }\n"
                + "      void b() {   BAD(); }\n}\n");
        AuditResult result = auditWithBaseline();
        assertThat(result.findings()).isEmpty();
        assertThat(result.baselined()).hasSize(2);
    }

    @Test
    void aChangedFlaggedLineIsReportedAgain() throws IOException {
        Files.writeString(source, "class A {\n    void a() { BAD(); }\n    void b() { BAD(); BAD2(); }\n}\n");
        AuditResult result = auditWithBaseline();
        assertThat(result.findings()).singleElement()
                .satisfies(finding -> assertThat(finding.finding().location().line()).isEqualTo(3));
        assertThat(result.baselined()).hasSize(1);
    }

    @Test
    void aCopiedLineIsANewFinding() throws IOException {
        Files.writeString(source, "class A {\n    void a() { BAD(); }\n    void b() { BAD(); }\n"
                + "    void b() { BAD(); }\n}\n");
        assertThat(auditWithBaseline().findings()).hasSize(1);
    }

    @Test
    void theFileIsSortedVersionedJson() throws IOException {
        String json = Files.readString(baselineFile);
        assertThat(json).startsWith("{\n  \"schemaVersion\" : 1,\n  \"tool\" : \"relia audit\",\n  \"findings\" : [");
        assertThat(json).contains("\"ruleId\" : \"test/bad-call\"", "\"path\" : \"src/A.java\"");
        Baseline read = Baseline.read(baselineFile);
        assertThat(read.findings()).hasSize(2);
        assertThat(read.toJson()).isEqualTo(json);
    }

    @Test
    void aBrokenBaselineIsALocatedInputError() throws IOException {
        Files.writeString(baselineFile, "{\"schemaVersion\": 1, \"findings\": [\n  {\"fingerprint\": \"xyz\"}\n]}\n");
        assertThatThrownBy(this::auditWithBaseline).isInstanceOfSatisfying(InputException.class, error ->
                assertThat(error.problems().getFirst().format())
                        .startsWith(baselineFile + ":2:").contains("no valid \"fingerprint\""));
    }

    @Test
    void aBaselineOfAnotherVersionIsRejected() throws IOException {
        Files.writeString(baselineFile, "{\"schemaVersion\": 2, \"findings\": []}\n");
        assertThatThrownBy(this::auditWithBaseline).isInstanceOf(InputException.class)
                .hasMessageContaining("unsupported baseline schemaVersion");
    }

    @Test
    void aMissingBaselineIsAnInputError() throws IOException {
        Files.delete(baselineFile);
        assertThatThrownBy(this::auditWithBaseline).isInstanceOf(InputException.class)
                .hasMessageContaining("no such file");
    }

    @Test
    void fingerprintsIgnoreIndentationButNotContent() {
        String one = Fingerprints.of("a/b", "src/A.java", "  call( x );", 0);
        assertThat(Fingerprints.of("a/b", "src/A.java", "call(   x );  ", 0)).isEqualTo(one);
        assertThat(Fingerprints.of("a/b", "src/A.java", "call( y );", 0)).isNotEqualTo(one);
        assertThat(Fingerprints.of("a/b", "src/A.java", "call( x );", 1)).isNotEqualTo(one);
        assertThat(Fingerprints.of("a/c", "src/A.java", "call( x );", 0)).isNotEqualTo(one);
        assertThat(one).matches("[0-9a-f]{32}");
    }
}

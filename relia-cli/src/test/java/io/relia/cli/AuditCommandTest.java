package io.relia.cli;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.relia.audit.AuditAnalyzer;
import io.relia.audit.AuditContext;
import io.relia.audit.AuditRule;
import io.relia.core.ExitCode;
import io.relia.core.Finding;
import io.relia.core.Location;
import io.relia.core.Severity;
import io.relia.core.review.DiscoveredInput;
import io.relia.core.review.InputKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AuditCommandTest {

    /** docs/audit.md, whose catalogue section must be what {@code --list-rules --format markdown} prints. */
    private static final Path DOCS = Path.of("..", "docs", "audit.md");
    static final String START = "<!-- catalogue:start -->";
    static final String END = "<!-- catalogue:end -->";

    /** In Java sources, flags lines calling {@code BAD(} (high) and {@code MEH(} (low). */
    public static final class TestAnalyzer implements AuditAnalyzer {
        @Override
        public String id() {
            return "cli-test";
        }

        @Override
        public List<AuditRule> rules() {
            return List.of(rule("clitest/bad-call", Severity.HIGH), rule("clitest/meh", Severity.LOW));
        }

        private static AuditRule rule(String id, Severity severity) {
            return new AuditRule(id, "Test rule " + id, severity, "Flags test calls.", "Tests need findings.", "BAD();",
                    "good();", AuditRule.Precision.HIGH, List.of());
        }

        @Override
        public void analyze(AuditContext context) {
            for (DiscoveredInput input : context.inventory().ofKind(InputKind.JAVA_SOURCE)) {
                try {
                    List<String> lines = Files.readAllLines(input.path());
                    for (int i = 0; i < lines.size(); i++) {
                        if (lines.get(i).contains("BAD(")) {
                            context.report(new Finding("clitest/bad-call", Severity.HIGH, "BAD is called",
                                    Location.of(input.path(), i + 1, lines.get(i).indexOf("BAD(") + 1), "call good()"));
                        }
                        if (lines.get(i).contains("MEH(")) {
                            context.report(new Finding("clitest/meh", Severity.LOW, "MEH is called",
                                    Location.of(input.path(), i + 1, lines.get(i).indexOf("MEH(") + 1), ""));
                        }
                    }
                } catch (IOException unreadable) {
                    throw new UncheckedIOException(unreadable);
                }
            }
        }
    }

    @TempDir
    Path service;
    @TempDir
    Path services;

    @BeforeEach
    void writeService() throws IOException {
        Path source = service.resolve("src/main/java/A.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class A {\n    void a() { BAD(); }\n    void b() { MEH(); }\n}\n");
        Path registration = services.resolve("META-INF/services/" + AuditAnalyzer.class.getName());
        Files.createDirectories(registration.getParent());
        Files.writeString(registration, TestAnalyzer.class.getName() + "\n");
    }

    /** Runs {@code relia} with {@link TestAnalyzer} installed (found by ServiceLoader through the context loader). */
    private CliRun run(String... args) {
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {services.toUri().toURL()}, original)) {
            thread.setContextClassLoader(loader);
            return CliRun.of(args);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        } finally {
            thread.setContextClassLoader(original);
        }
    }

    private CliRun audit(String... extra) {
        String[] args = new String[extra.length + 4];
        args[0] = "audit";
        args[1] = service.toString();
        args[2] = "--rules";
        args[3] = "clitest/bad-call,clitest/meh";
        System.arraycopy(extra, 0, args, 4, extra.length);
        return run(args);
    }

    @ParameterizedTest(name = "--fail-on {0} exits {1}")
    @CsvSource({"critical, 0", "high, 1", "medium, 1", "low, 1"})
    void failOnExitsOneOnlyForFindingsAtOrAboveTheThreshold(String threshold, int exitCode) {
        CliRun run = audit("--fail-on", threshold);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
    }

    @Test
    void withoutFailOnTheAuditExitsZeroAndPrintsFindingsBySeverity() {
        CliRun run = audit();
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("2 findings: 1 high, 1 low", "High (1)", "clitest/bad-call  BAD is called",
                "fix: call good()", "Low (1)");
        assertThat(run.out()).containsPattern("A\\.java:2:16\\s+clitest/bad-call");
    }

    @Test
    void suppressedFindingsDoNotFailTheAudit() throws IOException {
        Files.writeString(service.resolve("src/main/java/A.java"),
                "class A {\n    void b() { MEH(); } // relia:ignore clitest/meh -- test data\n}\n");
        CliRun run = audit("--fail-on", "low");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("No findings · 1 suppressed");
    }

    @Test
    void anUnknownRuleIsAUsageErrorWithASuggestion() {
        CliRun run = run("audit", service.toString(), "--rules", "clitest/bad-cal");
        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err()).contains("unknown rule \"clitest/bad-cal\"", "did you mean clitest/bad-call?");
        assertThat(run.showsStackTrace()).isFalse();
    }

    @Test
    void anUnknownFailOnIsAUsageError() {
        CliRun run = audit("--fail-on", "severe");
        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err()).contains("--fail-on severe is not a severity");
    }

    @Test
    void aMissingDirectoryIsAnInputError() {
        CliRun run = run("audit", service.resolve("nope").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err()).contains("no such directory");
    }

    @Test
    void jsonIsStableAndVersioned() {
        CliRun run = audit("--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = JsonMapper.shared().readTree(run.out());
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(json.get("kind").asString()).isEqualTo("audit");
        assertThat(json.get("counts").get("high").asInt()).isEqualTo(1);
        assertThat(json.get("countsByRule").get("clitest/meh").asInt()).isEqualTo(1);
        JsonNode finding = json.get("findings").get(0);
        assertThat(finding.get("ruleId").asString()).isEqualTo("clitest/bad-call");
        // The finding shape of every command: the file as printed (relative to where relia runs), rule as ruleId
        assertThat(finding.get("file").asString()).isEqualTo(service.resolve("src/main/java/A.java").toString());
        assertThat(finding.has("path")).isFalse();
        assertThat(finding.get("line").asInt()).isEqualTo(2);
        assertThat(finding.get("fingerprint").asString()).matches("[0-9a-f]{32}");
    }

    @Test
    void sarifGoesToTheOutputFile() throws IOException {
        Path sarif = services.resolve("out/audit.sarif");
        CliRun run = audit("--format", "sarif", "--output", sarif.toString(), "--fail-on", "high");
        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out()).isEmpty();
        JsonNode log = JsonMapper.shared().readTree(Files.readString(sarif));
        assertThat(log.get("version").asString()).isEqualTo("2.1.0");
        assertThat(log.get("runs").get(0).get("results").size()).isEqualTo(2);
    }

    @Test
    void sarifOfTheExampleServiceWithTheInstalledRulesIsValid() {
        Path schemaFile = Path.of("..", "..", "shared", "fixtures", "sarif", "sarif-schema-2.1.0.json");
        assumeTrue(Files.isRegularFile(schemaFile), "SKIPPED: " + schemaFile.toAbsolutePath().normalize()
                + " is absent (../shared is not checked out); SARIF schema validation did not run");
        CliRun run = CliRun.of("audit", Path.of("..", "examples", "checkout-service").toString(), "--format", "sarif");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Schema schema;
        try {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                    .getSchema(Files.readString(schemaFile), InputFormat.JSON);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        assertThat(schema.validate(run.out(), InputFormat.JSON)).isEmpty();
    }

    @Test
    void markdownIsATableForPullRequests() {
        CliRun run = audit("--format", "markdown");
        assertThat(run.out()).contains("2 findings: 1 high, 1 low", "| Severity | Where | Rule | Message | Fix |",
                "src/main/java/A.java:2");
    }

    @Test
    void aWrittenBaselineHidesTodaysFindingsNextTime() {
        Path baseline = services.resolve("baseline.json");
        CliRun write = audit("--write-baseline", baseline.toString(), "--fail-on", "low");
        assertThat(write.exitCode()).as(write.err()).isZero();
        assertThat(write.err()).contains("2 findings accepted");
        CliRun later = audit("--baseline", baseline.toString(), "--fail-on", "low");
        assertThat(later.exitCode()).as(later.err()).isZero();
        assertThat(later.out()).contains("No findings · 2 in the baseline");
    }

    @Test
    void aBrokenBaselineIsALocatedInputError() throws IOException {
        Path baseline = services.resolve("baseline.json");
        Files.writeString(baseline, "{\"schemaVersion\": 1,\n \"findings\": [ {\"fingerprint\": 3} ]}\n");
        CliRun run = audit("--baseline", baseline.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err()).startsWith(baseline + ":2:");
    }

    @Test
    void anUnwritableBaselineIsExitThree() throws IOException {
        Path blocker = services.resolve("file");
        Files.writeString(blocker, "x");
        CliRun run = audit("--write-baseline", blocker.resolve("baseline.json").toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.EXTERNAL);
        assertThat(run.err()).contains("cannot write the baseline");
    }

    @Test
    void listRulesPrintsTheCatalogue() {
        CliRun run = run("audit", "--list-rules");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("clitest/bad-call\\s+high\\s+Test rule clitest/bad-call");
    }

    @Test
    void testSourcesAreSkippedAndCountedUnlessIncludeTestsIsGiven() throws IOException {
        Path test = service.resolve("src/test/java/ATest.java");
        Files.createDirectories(test.getParent());
        Files.writeString(test, "class ATest {\n    void a() { BAD(); }\n}\n");

        CliRun skipped = audit("--fail-on", "high", "--no-cache");
        CliRun included = audit("--fail-on", "high", "--no-cache", "--include-tests");

        assertThat(skipped.out()).contains("2 files scanned, 1 test file skipped (--include-tests to audit them)",
                "2 findings: 1 high, 1 low").doesNotContain("ATest.java");
        assertThat(included.out()).contains("3 findings: 2 high, 1 low").containsPattern("ATest\\.java:2:16")
                .doesNotContain("test file skipped");
        assertThat(included.exitCode()).as(included.err()).isEqualTo(1);
    }

    @Test
    void jsonCountsTheTestFilesSkipped() throws IOException {
        Path test = service.resolve("orders-it/src/main/java/Load.java");
        Files.createDirectories(test.getParent());
        Files.writeString(test, "class Load {\n    void a() { BAD(); }\n}\n");

        JsonNode json = JsonMapper.shared().readTree(audit("--format", "json", "--no-cache").out());

        assertThat(json.get("testFilesSkipped").asInt()).isEqualTo(1);
        assertThat(json.get("counts").get("high").asInt()).isEqualTo(1);
    }

    @Test
    void helpDocumentsTheExitCodesAndSarif() {
        CliRun run = CliRun.of("audit", "--help");
        assertThat(run.out()).contains("Exit codes:", "--fail-on", "sarif", "--write-baseline", "relia:ignore",
                "--include-tests", "Test code is not production", "--no-jars", "nothing is downloaded");
    }

    @Test
    void noJarsIsAcceptedAndChangesNothingWhereNoJarIsNeeded() {
        CliRun withJars = audit("--no-cache");
        CliRun without = audit("--no-cache", "--no-jars");

        assertThat(without.exitCode()).as(without.err()).isEqualTo(withJars.exitCode());
        assertThat(without.out()).isEqualTo(withJars.out());
    }

    /**
     * docs/audit.md holds the catalogue between its markers exactly as {@code relia audit --list-rules --format
     * markdown} prints it for the installed analyzers. Regenerate with
     * {@code mvn -q -pl relia-cli test -Dtest=AuditCommandTest#docsCatalogueIsGenerated -Drelia.updateDocs=true}.
     */
    @Test
    void docsCatalogueIsGenerated() throws IOException {
        CliRun run = CliRun.of("audit", "--list-rules", "--format", "markdown");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String docs = Files.readString(DOCS, StandardCharsets.UTF_8);
        int start = docs.indexOf(START);
        int end = docs.indexOf(END);
        assertThat(start).as("docs/audit.md has " + START).isNotNegative();
        assertThat(end).as("docs/audit.md has " + END).isGreaterThan(start);
        String generated = "\n" + run.out() + "\n";
        if (Boolean.getBoolean("relia.updateDocs")) {
            Files.writeString(DOCS, docs.substring(0, start + START.length()) + generated + docs.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(docs.substring(start + START.length(), end))
                .as("docs/audit.md's catalogue is stale; regenerate it with: mvn -q -pl relia-cli test "
                        + "-Dtest=AuditCommandTest#docsCatalogueIsGenerated -Drelia.updateDocs=true")
                .isEqualTo(generated);
    }
}

package io.relia.audit.sarif;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.relia.audit.AuditOptions;
import io.relia.audit.AuditResult;
import io.relia.audit.Auditor;
import io.relia.audit.FakeAnalyzer;
import io.relia.audit.k8s.KubernetesSecurityAuditor;
import io.relia.core.Finding;
import io.relia.core.Location;
import io.relia.core.Severity;
import io.relia.audit.AuditAnalyzer;
import io.relia.audit.AuditContext;
import io.relia.audit.AuditRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SarifReportTest {

    /** The official OASIS schema (JSON Schema draft-04), read in place from ../shared. */
    private static final Path SCHEMA = Path.of("..", "..", "shared", "fixtures", "sarif", "sarif-schema-2.1.0.json");
    private static Schema schema;

    @TempDir
    Path root;

    @BeforeAll
    static void loadSchema() throws IOException {
        if (Files.isRegularFile(SCHEMA)) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                    .getSchema(Files.readString(SCHEMA), InputFormat.JSON);
        }
    }

    private static void assertValid(String sarif) {
        assumeTrue(schema != null, "SKIPPED: " + SCHEMA.toAbsolutePath().normalize()
                + " is absent (../shared is not checked out); SARIF schema validation did not run");
        List<Error> errors = schema.validate(sarif, InputFormat.JSON);
        assertThat(errors).as(sarif).isEmpty();
    }

    /** Reports one finding per severity, on lines 1..4 of src/A.java. */
    private static final class EverySeverity implements AuditAnalyzer {
        @Override
        public String id() {
            return "every";
        }

        @Override
        public List<AuditRule> rules() {
            return Arrays.stream(Severity.values()).map(severity -> new AuditRule("sev/" + severity.id(),
                    severity.label() + " thing", severity, "Detects " + severity.id() + ".", "Because.", "x();",
                    "y();", AuditRule.Precision.VERY_HIGH, List.of("test"))).toList();
        }

        @Override
        public void analyze(AuditContext context) {
            for (Severity severity : Severity.values()) {
                context.report(new Finding("sev/" + severity.id(), severity, severity.label() + " here",
                        Location.of(context.root().resolve("src/A.java"), severity.ordinal() + 1, 0), ""));
            }
        }
    }

    private JsonNode tree(String sarif) {
        return JsonMapper.shared().readTree(sarif);
    }

    @Test
    void anEmptyRunIsValidSarif() {
        AuditResult result = new Auditor(List.of()).run(root, AuditOptions.defaults());
        String sarif = SarifReport.toJson(result, "0.1.0-SNAPSHOT");
        assertValid(sarif);
        JsonNode run = tree(sarif).get("runs").get(0);
        assertThat(run.get("results").size()).isZero();
        assertThat(run.get("tool").get("driver").get("name").asString()).isEqualTo("relia audit");
    }

    @Test
    void everySeverityMapsToAnAllowedLevel() throws IOException {
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("src/A.java"), "a();\nb();\nc();\nd();\n");
        AuditResult result = new Auditor(List.of(new EverySeverity())).run(root, AuditOptions.defaults());
        String sarif = SarifReport.toJson(result, "0.1.0-SNAPSHOT");
        assertValid(sarif);
        JsonNode run = tree(sarif).get("runs").get(0);
        assertThat(run.get("results").valueStream().map(r -> r.get("level").asString()).toList())
                .containsExactly("error", "error", "warning", "note");
        JsonNode rule = run.get("tool").get("driver").get("rules").get(0);
        assertThat(rule.get("defaultConfiguration").get("level").asString()).isEqualTo("error");
        assertThat(rule.get("properties").has("security-severity")).isFalse();
        JsonNode region = run.get("results").get(0).get("locations").get(0).get("physicalLocation").get("region");
        assertThat(region.get("startColumn").asInt()).isEqualTo(1);
    }

    @Test
    void findingsAndSuppressionsAreValidAndComplete() throws IOException {
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("src/A.java"), "class A {\n  void a() { BAD(); }\n"
                + "  void b() { MEH(); } // relia:ignore test/meh -- generated code\n}\n");
        AuditResult result = new Auditor(List.of(new FakeAnalyzer())).run(root, AuditOptions.defaults());
        String sarif = SarifReport.toJson(result, "0.1.0-SNAPSHOT");
        assertValid(sarif);
        JsonNode log = tree(sarif);
        assertThat(log.get("$schema").asString()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
        assertThat(log.get("version").asString()).isEqualTo("2.1.0");
        JsonNode run = log.get("runs").get(0);
        assertThat(run.get("automationDetails").get("id").asString()).isEqualTo("relia-audit/");
        assertThat(run.get("columnKind").asString()).isEqualTo("unicodeCodePoints");
        assertThat(run.get("originalUriBaseIds").get("%SRCROOT%").get("uri").asString())
                .startsWith("file:/").endsWith("/");
        JsonNode driver = run.get("tool").get("driver");
        assertThat(driver.get("semanticVersion").asString()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(driver.get("rules").get(0).get("id").asString()).isEqualTo("input/invalid");
        JsonNode rule = driver.get("rules").get(1);
        assertThat(rule.get("id").asString()).isEqualTo("test/bad-call");
        assertThat(rule.get("name").asString()).isEqualTo("TestBadCall");
        assertThat(rule.get("helpUri").asString()).endsWith("docs/audit.md#testbad-call");
        assertThat(rule.get("help").get("markdown").asString()).contains("```\nBAD();\n```", "```\ngood();\n```");
        assertThat(rule.get("properties").get("tags").valueStream().map(JsonNode::asString).toList())
                .containsExactly("reliability", "timeout");
        assertThat(rule.get("properties").get("precision").asString()).isEqualTo("high");
        assertThat(rule.get("properties").get("problem.severity").asString()).isEqualTo("error");

        JsonNode results = run.get("results");
        assertThat(results.size()).isEqualTo(2);
        JsonNode bad = results.get(0);
        assertThat(bad.get("ruleId").asString()).isEqualTo("test/bad-call");
        assertThat(bad.get("ruleIndex").asInt()).isEqualTo(1);
        assertThat(bad.has("suppressions")).isFalse();
        JsonNode physical = bad.get("locations").get(0).get("physicalLocation");
        assertThat(physical.get("artifactLocation").get("uri").asString()).isEqualTo("src/A.java");
        assertThat(physical.get("artifactLocation").get("uriBaseId").asString()).isEqualTo("%SRCROOT%");
        assertThat(physical.get("region").get("startLine").asInt()).isEqualTo(2);
        assertThat(physical.get("region").get("startColumn").asInt()).isEqualTo(14);
        assertThat(bad.get("partialFingerprints").get("reliaFindingHash/v1").asString())
                .isEqualTo(result.findings().getFirst().fingerprint());
        assertThat(bad.get("partialFingerprints").has("primaryLocationLineHash")).isFalse();
        JsonNode meh = results.get(1);
        assertThat(meh.get("ruleIndex").asInt()).isEqualTo(2);
        assertThat(meh.get("suppressions").get(0).get("kind").asString()).isEqualTo("inSource");
        assertThat(meh.get("suppressions").get(0).get("justification").asString()).isEqualTo("generated code");
    }

    @Test
    void theSchemaCheckRejectsALevelSarifDoesNotAllow() {
        assumeTrue(schema != null, "SKIPPED: " + SCHEMA + " is absent");
        String invalid = "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"x\"}},"
                + "\"results\":[{\"level\":\"warn\",\"message\":{\"text\":\"m\"}}]}]}";
        assertThat(schema.validate(invalid, InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void ruleNamesAreCamelCase() {
        assertThat(SarifReport.name("java/http-client-no-timeout")).isEqualTo("JavaHttpClientNoTimeout");
    }

    @Test
    void securityRulesCarryASecuritySeveritySoCodeScanningFilesThemAsSecurityAlerts() throws IOException {
        Files.writeString(root.resolve("pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: agent}\nspec:\n"
                + "  containers:\n    - name: agent\n      image: agent:1.0\n"
                + "      securityContext: {privileged: true}\n");
        AuditResult result = new Auditor(List.of(new KubernetesSecurityAuditor())).run(root, AuditOptions.defaults());
        String sarif = SarifReport.toJson(result, "0.1.0-SNAPSHOT");
        assertValid(sarif);
        JsonNode rules = tree(sarif).get("runs").get(0).get("tool").get("driver").get("rules");
        JsonNode privileged = rules.valueStream().filter(rule -> rule.get("id").asString()
                .equals("k8s/privileged-container")).findFirst().orElseThrow();
        assertThat(privileged.get("properties").get("security-severity").asString()).isEqualTo("8.0");
        JsonNode input = rules.valueStream().filter(rule -> rule.get("id").asString().equals("input/invalid"))
                .findFirst().orElseThrow();
        assertThat(input.get("properties").has("security-severity")).isFalse();
    }

    @Test
    void theRunSaysHowManyTestFilesWereSkipped() throws IOException {
        Files.createDirectories(root.resolve("src/test/java"));
        Files.writeString(root.resolve("src/test/java/ATest.java"), "class ATest { void a() { BAD(); } }\n");
        AuditResult result = new Auditor(List.of(new FakeAnalyzer())).run(root, AuditOptions.defaults());
        String sarif = SarifReport.toJson(result, "0.1.0-SNAPSHOT");
        assertValid(sarif);
        JsonNode run = tree(sarif).get("runs").get(0);
        assertThat(run.get("results").size()).isZero();
        assertThat(run.get("properties").get("testFilesSkipped").asInt()).isEqualTo(1);
        JsonNode invocation = run.get("invocations").get(0);
        assertThat(invocation.get("executionSuccessful").asBoolean()).isTrue();
        assertThat(invocation.get("toolExecutionNotifications").get(0).get("message").get("text").asString())
                .isEqualTo("1 test file skipped (--include-tests to audit them)");
    }
    @Test
    void theAuditsNotesFollowTheTestFilesNote() throws IOException {
        Files.createDirectories(root.resolve("src/test/java"));
        Files.writeString(root.resolve("src/test/java/ATest.java"), "class ATest { void a() { BAD(); } }\n");
        AuditResult read = new Auditor(List.of(new FakeAnalyzer())).run(root, AuditOptions.defaults());
        AuditResult result = new AuditResult(read.root(), read.findings(), read.suppressed(), read.baselined(),
                read.problems(), read.evidence(), read.filesScanned(), read.testFilesSkipped(), read.catalogue(),
                List.of("types for 3 blocking-call candidates: 2 from the source, 1 from dependency jars"));
        String sarif = SarifReport.toJson(result, "0.1.0-SNAPSHOT");
        assertValid(sarif);
        JsonNode notifications = tree(sarif).get("runs").get(0).get("invocations").get(0)
                .get("toolExecutionNotifications");
        assertThat(notifications.valueStream().map(note -> note.get("message").get("text").asString()).toList())
                .containsExactly("1 test file skipped (--include-tests to audit them)",
                        "types for 3 blocking-call candidates: 2 from the source, 1 from dependency jars");
        assertThat(notifications.get(1).get("level").asString()).isEqualTo("note");
    }
}

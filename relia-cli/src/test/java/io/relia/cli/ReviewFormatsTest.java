package io.relia.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One list of findings in every format of the review: text, JSON, Markdown, HTML and SARIF name the same findings
 * (rule, file and line), and each format's count agrees with the JSON, which is the union of every section's.
 */
class ReviewFormatsTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "checkout-service");
    private static final JsonMapper JSON = JsonMapper.shared();

    /**
     * A finding as every format can name it.
     *
     * @param ruleId the rule
     * @param file   the file, as printed
     * @param line   the line, 0 for a whole file
     */
    record Named(String ruleId, String file, int line) {
        String place() {
            return line == 0 ? file : file + ":" + line;
        }
    }

    private static List<Named> findings;

    @BeforeAll
    static void reviewAsJson() {
        CliRun run = CliRun.of("review", EXAMPLE.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        findings = new ArrayList<>();
        for (JsonNode finding : JSON.readTree(run.out()).get("findings")) {
            findings.add(new Named(finding.get("ruleId").asString(), finding.get("file").asString(),
                    finding.get("line").asInt()));
        }
        assertThat(findings).as("the example's findings").hasSizeGreaterThan(10);
    }

    private static String report(String format, Path out) throws IOException {
        Path file = out.resolve("review." + format);
        CliRun run = CliRun.of("review", EXAMPLE.toString(), "--format", format, "--output", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return Files.readString(file);
    }

    @Test
    void textMarkdownAndHtmlListExactlyTheJsonFindings(@TempDir Path out) throws IOException {
        for (String format : List.of("text", "markdown", "html")) {
            // HTML marks where a long path may break (<wbr>); the text a reader copies has none.
            String report = report(format, out).replace("<wbr>", "");
            assertThat(report).as(format).contains("Findings (" + findings.size() + ")");
            for (Named finding : findings) {
                assertThat(report).as(format + " names " + finding).contains(finding.place(), finding.ruleId());
            }
        }
    }

    @Test
    void sarifHasOneResultPerFindingWithItsRuleAndLine(@TempDir Path out) throws IOException {
        JsonNode sarif = JSON.readTree(report("sarif", out));
        assertThat(sarif.get("version").asString()).isEqualTo("2.1.0");
        JsonNode run = sarif.get("runs").get(0);
        assertThat(run.get("tool").get("driver").get("name").asString()).isEqualTo("relia review");
        List<String> results = new ArrayList<>();
        List<String> ruleIds = new ArrayList<>();
        run.get("tool").get("driver").get("rules").forEach(rule -> ruleIds.add(rule.get("id").asString()));
        for (JsonNode result : run.get("results")) {
            JsonNode region = result.get("locations").get(0).get("physicalLocation").get("region");
            results.add(result.get("ruleId").asString() + "@" + (region == null ? 0 : region.get("startLine")
                    .asInt()));
            assertThat(ruleIds).as("rule metadata for every result").contains(result.get("ruleId").asString());
        }
        assertThat(results).containsExactlyInAnyOrderElementsOf(findings.stream()
                .map(finding -> finding.ruleId() + "@" + finding.line()).toList());
    }
}

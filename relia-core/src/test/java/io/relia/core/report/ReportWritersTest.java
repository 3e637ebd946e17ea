package io.relia.core.report;

import io.relia.core.report.Document.Cell;
import io.relia.core.report.Document.Tone;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportWritersTest {

    private static final Report REPORT = new Report("sample", 3, Map.of("answer", 42, "items", List.of("a", "b")),
            new Document("Sample <report>", List.of(
                    new Document.Heading(1, "Section"),
                    new Document.Paragraph("Fails | pipes & <tags>", Tone.BAD),
                    new Document.BulletList(List.of("one", "two")),
                    new Document.Table(List.of("Name", "Value"), List.of(List.of(Cell.of("a|b"), new Cell("1", Tone.GOOD)))),
                    new Document.StatusList(List.of(new Document.StatusItem("PASS", Tone.GOOD, "Item", List.of("why")),
                            new Document.StatusItem("FAIL", Tone.BAD, "Other", List.of("a_b", "c|d")))),
                    new Document.Chart(new ChartData("Chart", ChartData.Kind.BAR, List.of("x", "y"),
                            List.of(new ChartData.Series("pass", List.of(1.0, 3.0), "")), "", "count")),
                    new Document.Code("kubectl get pods"))));

    private static String write(ReportFormat format, boolean colour) throws IOException {
        StringWriter out = new StringWriter();
        ReportWriter.forFormat(format, colour).write(REPORT, out);
        return out.toString();
    }

    @Test
    void jsonStartsWithSchemaVersionAndKind() throws IOException {
        JsonNode json = JsonMapper.shared().readTree(write(ReportFormat.JSON, false));
        assertThat(json.propertyNames()).startsWith("schemaVersion", "kind");
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(3);
        assertThat(json.get("answer").asInt()).isEqualTo(42);
    }

    @Test
    void textHasNoEscapeCodesWithoutColour() throws IOException {
        String text = write(ReportFormat.TEXT, false);
        assertThat(text).doesNotContain("\u001b[").contains("Sample <report>", "  - one", "PASS  Item", "why");
        assertThat(text).contains("x ").contains("█");
    }

    @Test
    void textColoursOnlyWhenAsked() throws IOException {
        assertThat(write(ReportFormat.TEXT, true)).contains("\u001b[31mFails", "\u001b[32m");
    }

    @Test
    void markdownEscapesTableCellsAndMarkup() throws IOException {
        String markdown = write(ReportFormat.MARKDOWN, false);
        assertThat(markdown).startsWith("# Sample &lt;report&gt;\n").contains("| a\\|b | 1 |", "## Section",
                "| ✅ PASS | Item | why |", "| ❌ FAIL | Other | a\\_b<br>c\\|d |", "```\nkubectl get pods\n```");
    }

    @Test
    void htmlIsOneSelfContainedFileWithInlineSvg() throws IOException {
        String html = write(ReportFormat.HTML, false);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg", "</svg>", "Sample &lt;report&gt;",
                "Fails | pipes &amp; &lt;tags&gt;");
        assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//").doesNotContain("<script");
    }
}

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

    private static String render(ReportFormat format, int width, Document.Block... blocks) throws IOException {
        StringWriter out = new StringWriter();
        ReportWriter.forFormat(format, false, width).write(new Report("sample", 1, Map.of(),
                new Document("T", List.of(blocks))), out);
        return out.toString();
    }

    private static ChartData errorRate(double value) {
        return ChartData.builder("Error rate", ChartData.Kind.LINE,
                ChartData.Domain.elapsed(List.of(0.0, 1.0, 2.0, 3.0)), ChartData.ValueAxis.percent("error rate"))
                .series("error rate", List.of(value, value, value, value), "").build();
    }

    @Test
    void textTablesWrapInsideTheirCellsAtTheWidthAndKeepColumnsAligned() throws IOException {
        String text = render(ReportFormat.TEXT, 60, new Document.Table(List.of("Where", "Finding"), List.of(
                List.of(Cell.of("src/main/java/io/relia/example/PaymentsClient.java:13"),
                        Cell.of("HttpClient.newHttpClient() has no connect timeout (java.net.http sets none by "
                                + "default)")))));

        List<String> lines = text.lines().skip(2).toList();
        assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(60));
        int column = lines.getFirst().indexOf("Finding");
        assertThat(lines.subList(2, lines.size())).allSatisfy(line ->
                assertThat(line.length() <= column || line.charAt(column - 1) == ' ').isTrue());
        assertThat(text).contains("no connect timeout");
    }

    @Test
    void statusListDetailsWrapUnderTheirItem() throws IOException {
        String text = render(ReportFormat.TEXT, 50, new Document.StatusList(List.of(new Document.StatusItem("FAIL",
                Tone.BAD, "Timeouts", List.of("HttpRequest built without timeout(...): java.net.http then waits for "
                        + "the response forever")))));

        assertThat(text.lines().skip(2)).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(50));
        assertThat(text).contains("  FAIL  Timeouts\n          HttpRequest built");
    }

    @Test
    void aPathInAStatusListIsNeverCutSoItCanBePasted() throws IOException {
        String path = "examples/checkout-service/src/main/java/io/relia/example/PaymentsClient.java:13:37";
        String text = render(ReportFormat.TEXT, 50, new Document.StatusList(List.of(new Document.StatusItem("FAIL",
                Tone.BAD, "Timeouts", List.of(path + ": no connect timeout")))));

        assertThat(text).contains(path);
    }

    @Test
    void aTableTooNarrowForItsPathsIsPrintedAsOneRecordPerRow() throws IOException {
        String path = "examples/checkout-service/src/main/java/io/relia/example/PaymentsClient.java:13";
        String text = render(ReportFormat.TEXT, 60, new Document.Table(List.of("Severity", "Rule", "Where",
                "Finding"), List.of(List.of(Cell.of("High"), Cell.of("java/http-client-no-timeout"), Cell.of(path),
                Cell.of("HttpClient.newHttpClient() has no connect timeout")))));

        assertThat(text).contains("  High  java/http-client-no-timeout\n      Where: " + path + "\n",
                "      Finding: HttpClient.newHttpClient() has no connect timeout\n");
    }

    @Test
    void aSparklineDrawsAConstantHundredPercentAtTheTop() throws IOException {
        assertThat(render(ReportFormat.TEXT, 100, new Document.Chart(errorRate(100)))).contains("████ error rate");
    }

    @Test
    void aSparklineDrawsAConstantZeroAtTheBottom() throws IOException {
        assertThat(render(ReportFormat.TEXT, 100, new Document.Chart(errorRate(0)))).contains("▁▁▁▁ error rate");
    }

    @Test
    void textChartsNameTheirUnitsLinesAndShadedRanges() throws IOException {
        ChartData chart = ChartData.builder("p99 latency", ChartData.Kind.LINE,
                ChartData.Domain.elapsed(List.of(0.0, 10.0)), ChartData.ValueAxis.amount("p99 latency", "ms"))
                .series("p99", List.of(18.0, 225.0), "").reference(500, "steady state", "")
                .band(6, 14, "fault: latency").build();

        assertThat(render(ReportFormat.TEXT, 100, new Document.Chart(chart))).contains("(min 18 ms, max 225 ms)",
                "line: steady state 500 ms", "shaded: fault: latency (6 s to 14 s)", "time since start: 0 s → 10 s");
    }

    @Test
    void markdownChartHeadersCarryUnits() throws IOException {
        assertThat(render(ReportFormat.MARKDOWN, 100, new Document.Chart(errorRate(5))))
                .contains("| time since start | error rate (%) |", "| 0 s | 5 |");
    }

    @Test
    void markdownChartValuesHaveNoTrailingZeros() throws IOException {
        ChartData chart = ChartData.builder("Median MTTA", ChartData.Kind.BAR,
                ChartData.Domain.categories("severity", List.of("SEV1", "SEV2", "SEV3")),
                ChartData.ValueAxis.amount("median", "h")).series("MTTA median", List.of(0.025, 0.5, 1.3), "").build();

        assertThat(render(ReportFormat.MARKDOWN, 100, new Document.Chart(chart)))
                .contains("| SEV1 | 0.025 |", "| SEV2 | 0.5 |", "| SEV3 | 1.3 |");
    }

    @Test
    void aTextBarChartDrawsATinyValueBesideAHugeNegativeOne() throws IOException {
        // Once exit 70 ("count is negative"): the axis top rounded to 0 and the bar length overflowed.
        ChartData chart = ChartData.builder("Median MTTR", ChartData.Kind.BAR,
                ChartData.Domain.categories("severity", List.of("SEV1", "SEV2")),
                ChartData.ValueAxis.amount("median", "s")).series("MTTR median", List.of(0.1, -1.8e9), "").build();

        assertThat(render(ReportFormat.TEXT, 100, new Document.Chart(chart))).contains("SEV1", "SEV2");
    }

    @Test
    void htmlTablesLetLongPathsBreakAtTheirSeparators() throws IOException {
        String html = render(ReportFormat.HTML, 100, new Document.Table(List.of("Where"),
                List.of(List.of(Cell.of("examples/checkout-service/deploy/k8s/checkout.yaml:11:3 short words")))));

        assertThat(html).contains("examples/<wbr>checkout-<wbr>service/<wbr>", "short words")
                .contains("overflow-wrap");
    }
}

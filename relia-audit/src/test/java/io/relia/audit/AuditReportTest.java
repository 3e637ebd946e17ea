package io.relia.audit;

import io.relia.core.report.Report;
import io.relia.core.report.ReportFormat;
import io.relia.core.report.ReportWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuditReportTest {

    @TempDir
    Path root;

    private AuditResult auditOf(int badCalls) throws IOException {
        Files.createDirectories(root.resolve("src"));
        StringBuilder source = new StringBuilder("class A {\n");
        for (int i = 0; i < badCalls; i++) {
            source.append("  void m").append(i).append("() { BAD(); }\n");
        }
        Files.writeString(root.resolve("src/A.java"), source.append("}\n").toString());
        return new Auditor(List.of(new FakeAnalyzer())).run(root, AuditOptions.defaults());
    }

    private static String render(Report report, ReportFormat format) throws IOException {
        StringWriter out = new StringWriter();
        ReportWriter.forFormat(format, false).write(report, out);
        return out.toString();
    }

    @Test
    void theTextReportGroupsFindingsBySeverityWithTheirFixes() throws IOException {
        String text = render(AuditReport.of(auditOf(2), "1.0.0"), ReportFormat.TEXT);
        assertThat(text).contains("2 findings: 2 high", "High (2)", "fix: call good() instead")
                .containsPattern("A\\.java:2:15\\s+test/bad-call  BAD is called here");
    }

    @Test
    void thePullRequestTableStopsAtFiftyRows() throws IOException {
        String markdown = render(AuditReport.forPullRequest(auditOf(60), "1.0.0"), ReportFormat.MARKDOWN);
        assertThat(markdown.lines().filter(line -> line.startsWith("| High |"))).hasSize(50);
        assertThat(markdown).contains("60 findings: 60 high", "and 10 more");
    }

    @Test
    void theJsonViewCountsBySeverityAndRule() throws IOException {
        Report report = AuditReport.of(auditOf(3), "1.0.0");
        assertThat(report.kind()).isEqualTo("audit");
        assertThat(report.schemaVersion()).isEqualTo(2);
        assertThat(report.data().get("counts")).isEqualTo(Map.of("total", 3, "critical", 0L, "high", 3L,
                "medium", 0L, "low", 0L, "suppressed", 0, "baselined", 0));
        assertThat(report.data().get("countsByRule")).isEqualTo(Map.of("test/bad-call", 3));
    }

    @Test
    void notesOnHowTheCodeWasReadEndTheTextReportAndAreInTheJson() throws IOException {
        AuditAnalyzer noting = new AuditAnalyzer() {
            @Override
            public String id() {
                return "noting";
            }

            @Override
            public List<AuditRule> rules() {
                return List.of();
            }

            @Override
            public void analyze(AuditContext context) {
                context.note("types for 2 blocking-call candidates: declared/table 2");
            }
        };
        Files.writeString(root.resolve("A.java"), "class A {}\n");

        Report report = AuditReport.of(new Auditor(List.of(noting)).run(root, AuditOptions.defaults()), "1.0.0");

        assertThat(render(report, ReportFormat.TEXT)).containsPattern("Notes\\n-+\\n\\s+- types for 2 "
                + "blocking-call candidates: declared/table 2");
        assertThat(report.data().get("notes")).isEqualTo(List.of("types for 2 blocking-call candidates: "
                + "declared/table 2"));
    }

    private AuditResult auditWithTwoTestFiles() throws IOException {
        for (String relative : List.of("src/main/java/Orders.java", "src/test/java/OrdersTest.java",
                "orders-it/src/main/java/Checkout.java")) {
            Files.createDirectories(root.resolve(relative).getParent());
            Files.writeString(root.resolve(relative), "class X { void m() { BAD(); } }\n");
        }
        return new Auditor(List.of(new FakeAnalyzer())).run(root, AuditOptions.defaults());
    }

    @Test
    void theTextAndHtmlReportsSayHowManyTestFilesWereSkipped() throws IOException {
        Report report = AuditReport.of(auditWithTwoTestFiles(), "1.0.0");
        String line = "3 files scanned, 2 test files skipped (--include-tests to audit them)";
        assertThat(render(report, ReportFormat.TEXT)).contains(line, "1 finding: 1 high");
        assertThat(render(report, ReportFormat.HTML)).contains(line);
    }

    @Test
    void thePullRequestCommentSaysHowManyTestFilesWereSkipped() throws IOException {
        String markdown = render(AuditReport.forPullRequest(auditWithTwoTestFiles(), "1.0.0"), ReportFormat.MARKDOWN);
        assertThat(markdown).contains("1 finding: 1 high", "2 test files skipped (--include-tests to audit them)");
    }

    @Test
    void theJsonViewCountsTheTestFilesSkipped() throws IOException {
        Report report = AuditReport.of(auditWithTwoTestFiles(), "1.0.0");
        assertThat(report.data()).containsEntry("filesScanned", 3).containsEntry("testFilesSkipped", 2);
        assertThat(render(report, ReportFormat.JSON)).contains("\"testFilesSkipped\" : 2");
    }

    @Test
    void noTestFileSkippedSaysNothingAboutTests() throws IOException {
        String text = render(AuditReport.of(auditOf(1), "1.0.0"), ReportFormat.TEXT);
        assertThat(text).contains("1 file scanned").doesNotContain("test file");
    }
}

package io.relia.incident.postmortem;

import io.relia.core.report.Document;
import io.relia.core.report.Report;
import io.relia.core.report.ReportFormat;
import io.relia.core.report.ReportWriter;
import io.relia.incident.IncidentPolicy;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Markdown of a realistic postmortem draft equals the golden file. After an intended change, regenerate it with
 * {@code -Drelia.golden.update=true} and review the diff.
 */
class PostmortemDraftGoldenTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "postmortem", "inc-42.md");

    private static String render(ReportFormat format) throws IOException {
        Document draft = PostmortemDraft.of(ExampleIncident.analysed(), ExampleIncident.timeline(),
                ExampleIncident.actions(), IncidentPolicy.DEFAULT, ExampleIncident.budgets(), ExampleIncident.NOW);
        StringWriter out = new StringWriter();
        ReportWriter.forFormat(format, false).write(new Report("postmortem", 1, Map.of(), draft), out);
        return out.toString();
    }

    @Test
    void markdownOfAnAnalysedIncidentMatchesTheGoldenFile() throws IOException {
        String markdown = render(ReportFormat.MARKDOWN);
        if (Boolean.getBoolean("relia.golden.update")) {
            Files.writeString(GOLDEN, markdown, StandardCharsets.UTF_8);
        }
        assertThat(markdown).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    @Test
    void htmlShowsEverySectionAsAHeadingWithEscapedText() throws IOException {
        String html = render(ReportFormat.HTML);
        int last = -1;
        for (String section : PostmortemDraft.SECTIONS) {
            int at = html.indexOf("<h2>" + section + "</h2>");
            assertThat(at).as(section).isGreaterThan(last);
            last = at;
        }
        assertThat(html).contains("<h1>Postmortem: INC-42 Checkout payments time out</h1>")
                .contains("<td class=\"BAD\">2026-03-12 (OVERDUE)</td>")
                .contains("OUTAGE BEGINS (impact started)")
                .doesNotContain("<script");
    }
}

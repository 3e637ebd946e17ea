package io.relia.core.report;

import io.relia.core.report.Document.Cell;
import io.relia.core.report.Document.Tone;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The text writer prints what a document says, never a control character it holds. */
class TerminalDocumentTest {

    /** Clear the screen, set the window title, go back to the line's start, NUL, and reverse the rest of the line. */
    private static final String HOSTILE = "a\u001b[2Jb\u001b]0;pwned\u0007c\rd\u0000e\u202ef";
    private static final String SHOWN = "a\\e[2Jb\\e]0;pwned\\ac\\rd\\0e\\u202ef";
    /** The colours the writer adds itself (ANSI SGR): bold, dim, red, green, yellow, reset. */
    private static final String OWN_COLOURS = "\u001b\\[(0|1|2|31|32|33)m";

    private static final Report REPORT = new Report("hostile", 1, Map.of(), new Document("title " + HOSTILE, List.of(
            new Document.Heading(1, "heading " + HOSTILE),
            new Document.Heading(2, "sub " + HOSTILE),
            new Document.Paragraph("paragraph " + HOSTILE + "\nsecond line", Tone.BAD),
            new Document.BulletList(List.of("bullet " + HOSTILE, "two\nlines")),
            new Document.Table(List.of("Name " + HOSTILE, "Value"), List.of(
                    List.of(Cell.of("cell " + HOSTILE), new Cell("1\u009b2J", Tone.GOOD)))),
            new Document.StatusList(List.of(new Document.StatusItem("PASS" + HOSTILE, Tone.GOOD,
                    "item " + HOSTILE, List.of("detail " + HOSTILE)))),
            new Document.Chart(ChartData.builder("chart " + HOSTILE, ChartData.Kind.LINE,
                            ChartData.Domain.numbers("x " + HOSTILE, "u\u001b", List.of(1.0, 2.0)),
                            ChartData.ValueAxis.amount("y " + HOSTILE, "ms\u202e"))
                    .series("series " + HOSTILE, List.of(1.0, 2.0), "")
                    .reference(1.5, "line " + HOSTILE, "")
                    .band(1.0, 2.0, "band " + HOSTILE).build()),
            new Document.Chart(new ChartData("bars " + HOSTILE, ChartData.Kind.BAR, List.of("category " + HOSTILE),
                    List.of(new ChartData.Series("pass " + HOSTILE, List.of(1.0), ""),
                            new ChartData.Series("fail", List.of(2.0), "")), "", "count")),
            new Document.Code("code " + HOSTILE + "\n\tindented"))));

    private static String text(boolean colour) throws IOException {
        StringWriter out = new StringWriter();
        ReportWriter.forFormat(ReportFormat.TEXT, colour).write(REPORT, out);
        return out.toString();
    }

    /** No character below U+0020 but the line feed, no DEL, C1 or bidirectional control. */
    static void assertNoControlCharacters(String printed) {
        assertThat(printed.chars().filter(c -> c != '\n' && TerminalText.isControl((char) c)).mapToObj(
                c -> String.format("U+%04X", c)).toList()).isEmpty();
    }

    @Test
    void printsNoControlCharacterFromTheDocument() throws IOException {
        String printed = text(false);
        assertNoControlCharacters(printed);
        assertThat(printed).contains("title " + SHOWN, "heading " + SHOWN, "sub " + SHOWN, "paragraph " + SHOWN,
                "bullet " + SHOWN, "Name " + SHOWN, "cell " + SHOWN, "1\\u009b2J", "PASS" + SHOWN, "item " + SHOWN,
                "detail " + SHOWN, "chart " + SHOWN, "series " + SHOWN, "line " + SHOWN, "band " + SHOWN,
                "bars " + SHOWN, "category " + SHOWN, "pass " + SHOWN, "code " + SHOWN);
    }

    @Test
    void keepsTheLinesOfProseBulletsAndCode() throws IOException {
        assertThat(text(false)).contains("paragraph " + SHOWN + "\nsecond line\n", "  - two\n    lines\n",
                "    code " + SHOWN + "\n            indented\n");
    }

    @Test
    void keepsItsOwnColoursAndNoneFromTheDocument() throws IOException {
        String coloured = text(true);
        assertThat(coloured).contains("\u001b[1mtitle " + SHOWN + "\u001b[0m", "\u001b[31mparagraph " + SHOWN);
        assertNoControlCharacters(coloured.replaceAll(OWN_COLOURS, ""));
    }
}

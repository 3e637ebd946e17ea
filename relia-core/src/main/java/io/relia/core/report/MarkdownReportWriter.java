package io.relia.core.report;

import io.relia.core.chart.Units;
import io.relia.core.report.Document.Block;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** GitHub-flavoured Markdown, for pull-request comments and wikis. */
final class MarkdownReportWriter implements ReportWriter {

    @Override
    public void write(Report report, Writer out) throws IOException {
        Document document = report.document();
        out.write("# " + inline(document.title()) + "\n");
        for (Block block : document.blocks()) {
            out.write("\n" + render(block));
        }
        out.flush();
    }

    private static String render(Block block) {
        return switch (block) {
            case Document.Heading heading -> "#".repeat(heading.level() + 1) + " " + inline(heading.text()) + "\n";
            case Document.Paragraph paragraph -> inline(paragraph.text()) + "\n";
            case Document.BulletList list -> list.items().stream().map(item -> "- " + inline(item) + "\n")
                    .reduce("", String::concat);
            case Document.Table table -> table(table.headers(),
                    table.rows().stream().map(row -> row.stream().map(Document.Cell::text).toList()).toList());
            case Document.StatusList list -> table(list.headers(),
                    list.items().stream().map(item -> List.of(marker(item.tone()) + " " + item.status(), item.title(),
                            String.join("\n", item.details())))
                            .toList());
            case Document.Chart chart -> chartTable(chart.data());
            case Document.Code code -> "```\n" + code.text() + (code.text().endsWith("\n") ? "" : "\n") + "```\n";
        };
    }

    /** A chart as its numbers: one row per x position, units in the headers, lines and bands listed below. */
    private static String chartTable(ChartData data) {
        List<String> headers = new java.util.ArrayList<>();
        String x = data.x().title().isEmpty() ? " " : data.x().title();
        headers.add(data.x().unit().isEmpty() ? x : x + " (" + data.x().unit() + ")");
        String unit = data.y().unit().isEmpty() ? "" : " (" + data.y().unit() + ")";
        boolean timeline = data.kind() == ChartData.Kind.TIMELINE;
        data.series().forEach(series -> headers.add(series.name() + (timeline ? "" : unit)));
        List<List<String>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < data.x().size(); i++) {
            List<String> row = new java.util.ArrayList<>();
            row.add(data.x().labels().get(i));
            for (ChartData.Series series : data.series()) {
                double value = series.values().get(i);
                row.add(timeline ? (Double.isNaN(value) ? "" : "on") : Double.isNaN(value) ? "-"
                        : Units.format(value, ""));
            }
            rows.add(row);
        }
        StringBuilder out = new StringBuilder("**").append(inline(data.title())).append("**\n\n")
                .append(table(headers, rows));
        List<String> notes = new java.util.ArrayList<>();
        data.references().forEach(line -> notes.add("line: " + line.label() + " " + data.y().format(line.value())));
        data.bands().forEach(band -> notes.add("shaded: " + band.label()));
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(note -> out.append("- ").append(inline(note)).append('\n'));
        }
        return out.toString();
    }

    private static String marker(Document.Tone tone) {
        return switch (tone) {
            case GOOD -> "✅";
            case BAD -> "❌";
            case WARN -> "⚠️";
            case MUTED, PLAIN -> "⚪";
        };
    }

    private static String table(List<String> headers, List<List<String>> rows) {
        StringBuilder out = new StringBuilder("|");
        headers.forEach(header -> out.append(' ').append(cell(header)).append(" |"));
        out.append("\n|");
        headers.forEach(header -> out.append("---|"));
        out.append('\n');
        for (List<String> row : rows) {
            out.append('|');
            row.forEach(cell -> out.append(' ').append(cell(cell)).append(" |"));
            out.append('\n');
        }
        return out.toString();
    }

    private static String cell(String text) {
        return inline(text).replace("|", "\\|").replace("\n", "<br>");
    }

    /** Escapes what Markdown would otherwise read as markup or HTML. */
    static String inline(String text) {
        return text.replace("\\", "\\\\").replace("<", "&lt;").replace(">", "&gt;").replace("*", "\\*")
                .replace("_", "\\_").replace("`", "\\`");
    }
}

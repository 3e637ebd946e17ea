package io.relia.core.report;

import io.relia.core.chart.SvgCharts;
import io.relia.core.report.Document.Block;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** One self-contained HTML file: inline CSS, inline SVG charts, no scripts, nothing fetched. */
final class HtmlReportWriter implements ReportWriter {

    private static final String CSS = """
            body{font:14px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:70rem;\
            padding:0 1rem;color:#1b1b1b}
            h1{font-size:1.6rem;border-bottom:2px solid #1565c0;padding-bottom:.3rem}
            h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ddd}
            h3{font-size:1.05rem}
            table{border-collapse:collapse;margin:.5rem 0;width:100%;max-width:100%}
            th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top;\
            overflow-wrap:break-word}
            th{background:#f4f6f8}
            .GOOD{color:#2e7d32;font-weight:600}.BAD{color:#c62828;font-weight:600}
            .WARN{color:#ef6c00;font-weight:600}.MUTED{color:#757575}
            pre{background:#f4f6f8;padding:.6rem;overflow:auto;white-space:pre-wrap;overflow-wrap:anywhere}
            ul.details{margin:0;padding-left:1.1rem}
            figure{margin:1rem 0;max-width:100%}
            figure svg{max-width:100%;height:auto}
            """;

    /** Tokens longer than this many characters get break opportunities. */
    private static final int LONG_TOKEN = 20;
    /** Width of a chart in px: the page's width less its padding; narrower windows scale it down. */
    private static final int CHART_WIDTH = 960;

    @Override
    public void write(Report report, Writer out) throws IOException {
        Document document = report.document();
        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
                + escape(document.title()) + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n");
        out.write("<h1>" + escape(document.title()) + "</h1>\n");
        for (Block block : document.blocks()) {
            out.write(render(block));
        }
        out.write("</body>\n</html>\n");
        out.flush();
    }

    private static String render(Block block) {
        return switch (block) {
            case Document.Heading heading -> "<h" + (heading.level() + 1) + ">" + escape(heading.text()) + "</h"
                    + (heading.level() + 1) + ">\n";
            case Document.Paragraph paragraph -> "<p class=\"" + paragraph.tone() + "\">"
                    + breakable(paragraph.text()) + "</p>\n";
            case Document.BulletList list -> "<ul>\n" + list.items().stream()
                    .map(item -> "<li>" + breakable(item) + "</li>\n").reduce("", String::concat) + "</ul>\n";
            case Document.Table table -> table(table);
            case Document.StatusList list -> statusList(list.headers(), list.items());
            case Document.Chart chart -> "<figure>"
                    + SvgCharts.svg(chart.data(), CHART_WIDTH, chartHeight(chart.data())) + "</figure>\n";
            case Document.Code code -> "<pre><code>" + escape(code.text()) + "</code></pre>\n";
        };
    }

    /** Stacked bars and timelines grow with their rows (34 px and 26 px each); other charts are 360 px tall. */
    private static int chartHeight(ChartData data) {
        return switch (data.kind()) {
            case STACKED_BAR -> 90 + 34 * data.categories().size();
            case TIMELINE -> 110 + 26 * data.series().size();
            case BAR, LINE -> 360;
        };
    }

    private static String table(Document.Table table) {
        StringBuilder out = new StringBuilder("<table>\n<tr>");
        table.headers().forEach(header -> out.append("<th>").append(escape(header)).append("</th>"));
        out.append("</tr>\n");
        for (List<Document.Cell> row : table.rows()) {
            out.append("<tr>");
            row.forEach(cell -> out.append("<td class=\"").append(cell.tone()).append("\">")
                    .append(breakable(cell.text())).append("</td>"));
            out.append("</tr>\n");
        }
        return out.append("</table>\n").toString();
    }

    private static String statusList(List<String> headers, List<Document.StatusItem> items) {
        StringBuilder out = new StringBuilder("<table>\n<tr>");
        headers.forEach(header -> out.append("<th>").append(escape(header)).append("</th>"));
        out.append("</tr>\n");
        for (Document.StatusItem item : items) {
            out.append("<tr><td class=\"").append(item.tone()).append("\">").append(escape(item.status()))
                    .append("</td><td>").append(breakable(item.title())).append("</td><td>");
            if (!item.details().isEmpty()) {
                out.append("<ul class=\"details\">");
                item.details().forEach(detail -> out.append("<li>").append(breakable(detail)).append("</li>"));
                out.append("</ul>");
            }
            out.append("</td></tr>\n");
        }
        return out.append("</table>\n").toString();
    }

    /**
     * Escaped text in which long tokens (paths, qualified names, URLs) may break after a separator ({@code <wbr>}
     * after {@code / . , : ; ( = & ? _ -}) and inside camelCase: a table column can then be narrower than its longest
     * path, so tables fit the page without breaking ordinary words in the middle.
     */
    static String breakable(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (String token : text.split("(?<=\\s)|(?=\\s)")) {
            if (token.length() <= LONG_TOKEN) {
                out.append(escape(token));
                continue;
            }
            for (int i = 0; i < token.length(); i++) {
                char c = token.charAt(i);
                if (i > 0 && Character.isUpperCase(c) && Character.isLowerCase(token.charAt(i - 1))) {
                    out.append("<wbr>");
                }
                out.append(escape(String.valueOf(c)));
                if ("/.,:;(=&?_-".indexOf(c) >= 0) {
                    out.append("<wbr>");
                }
            }
        }
        return out.toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

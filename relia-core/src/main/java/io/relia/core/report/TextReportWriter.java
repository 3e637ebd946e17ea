package io.relia.core.report;

import io.relia.core.report.Document.Block;
import io.relia.core.report.Document.Tone;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain text for people, aligned for a terminal: tables and status lists wrap at its width (inside their cells, with
 * columns and indents kept), prose and code stay on their lines (a terminal wraps prose, code is meant to be copied);
 * ANSI colour only when asked (the CLI asks on a TTY). The document's text is neutralised first
 * ({@link TerminalDocument}): the only control characters written are the line feeds and colours added here.
 */
final class TextReportWriter implements ReportWriter {

    /** Width when the caller knows none (a file, a pipe): no wrapping, so lines stay whole for grep and editors. */
    static final int UNWRAPPED = 10_000;
    /** Narrowest width honoured: below it, tables cannot keep their columns apart. */
    static final int NARROWEST = 40;

    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String INDENT = "  ";
    private static final String GAP = "  ";

    private final boolean colour;
    private final int width;

    TextReportWriter(boolean colour) {
        this(colour, UNWRAPPED);
    }

    /**
     * @param colour ANSI colours
     * @param width  columns of the terminal (or page); lines are wrapped to fit
     */
    TextReportWriter(boolean colour, int width) {
        this.colour = colour;
        this.width = Math.max(NARROWEST, width);
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        Document document = TerminalDocument.of(report.document());
        out.write(style(BOLD, document.title()) + "\n");
        out.write("=".repeat(Math.min(width, TextLayout.width(document.title()))) + "\n");
        for (Block block : document.blocks()) {
            out.write(render(block));
        }
        out.flush();
    }

    private String render(Block block) {
        return switch (block) {
            case Document.Heading heading -> heading.level() <= 1
                    ? "\n" + style(BOLD, heading.text()) + "\n"
                    + "-".repeat(Math.min(width, TextLayout.width(heading.text()))) + "\n"
                    : "\n" + style(BOLD, heading.text()) + "\n";
            // Prose stays on one line: a terminal wraps it as well as we could, and grep finds whole sentences.
            case Document.Paragraph paragraph -> tone(paragraph.tone(), paragraph.text()) + "\n";
            case Document.BulletList list -> bullets(list.items());
            case Document.Table table -> table(table);
            case Document.StatusList list -> statusList(list);
            case Document.Chart chart -> new TextCharts(this::tone, width).render(chart.data());
            case Document.Code code -> code.text().lines().map(line -> "    " + line + "\n")
                    .reduce("", String::concat);
        };
    }

    /** Text wrapped to the width: the first line after {@code first}, the others after {@code rest}. */
    private String lines(String first, String rest, String text, Tone tone) {
        StringBuilder out = new StringBuilder();
        List<String> lines = TextLayout.wrap(text, width - TextLayout.width(rest), false);
        for (int i = 0; i < lines.size(); i++) {
            out.append(i == 0 ? first : rest).append(tone(tone, lines.get(i))).append('\n');
        }
        return out.toString();
    }

    /** Items of more than one line keep their later lines under their first, so they read as one item. */
    private static String bullets(List<String> items) {
        StringBuilder out = new StringBuilder();
        items.forEach(item -> out.append("  - ").append(item.replace("\n", "\n    ")).append('\n'));
        return out.toString();
    }

    private String statusList(Document.StatusList list) {
        int labelWidth = list.items().stream().mapToInt(item -> TextLayout.width(item.status())).max().orElse(0);
        if (labelWidth > width / 3) {
            return compactStatusList(list);
        }
        String hanging = INDENT + " ".repeat(labelWidth) + GAP;
        StringBuilder out = new StringBuilder();
        for (Document.StatusItem item : list.items()) {
            String label = INDENT + tone(item.tone(), pad(item.status(), labelWidth)) + GAP;
            out.append(lines(label, hanging, item.title(), Tone.PLAIN));
            for (String detail : item.details()) {
                out.append(lines(hanging + "  ", hanging + "    ", detail, Tone.PLAIN));
            }
        }
        return out.toString();
    }

    /**
     * Labels too wide to hang the rest under (file:line:column of a deep path): each item's label and title on one
     * line, its details under it at a fixed indent, so the text keeps the width of the terminal.
     */
    private String compactStatusList(Document.StatusList list) {
        String hanging = INDENT + "    ";
        StringBuilder out = new StringBuilder();
        for (Document.StatusItem item : list.items()) {
            String label = INDENT + tone(item.tone(), item.status());
            if (TextLayout.width(INDENT + item.status() + GAP + item.title()) <= width) {
                out.append(label).append(GAP).append(item.title()).append('\n');
            } else {
                out.append(label).append('\n').append(lines(hanging, hanging, item.title(), Tone.PLAIN));
            }
            for (String detail : item.details()) {
                out.append(lines(hanging, hanging + "  ", detail, Tone.PLAIN));
            }
        }
        return out.toString();
    }

    private String table(Document.Table table) {
        int columns = table.headers().size();
        int[] needs = new int[columns];
        int[] cellNeeds = new int[columns];
        int[] minimums = new int[columns];
        for (int c = 0; c < columns; c++) {
            int cells = 0;
            int word = 0;
            for (List<Document.Cell> row : table.rows()) {
                cells = Math.max(cells, TextLayout.width(row.get(c).text()));
                int cell = TextLayout.width(row.get(c).text());
                // A short value ("43.2 min", "1 / 0") stays on one line: its unit belongs with its number.
                word = Math.max(word, cell <= TextLayout.SHORT_CELL ? cell
                        : TextLayout.longestWord(row.get(c).text()));
            }
            needs[c] = Math.max(cells, TextLayout.width(table.headers().get(c)));
            minimums[c] = Math.min(needs[c], Math.max(TextLayout.longestWord(table.headers().get(c)),
                    Math.min(word, TextLayout.LONGEST_WHOLE_WORD)));
            cellNeeds[c] = Math.max(cells, minimums[c]);
        }
        // Cells first: headers wrap before the values under them do.
        int available = width - INDENT.length() - GAP.length() * (columns - 1);
        int paths = 0;
        for (int c = 0; c < columns; c++) {
            int path = 0;
            for (List<Document.Cell> row : table.rows()) {
                path = Math.max(path, TextLayout.longestPath(row.get(c).text()));
            }
            paths += Math.max(path, TextLayout.NARROWEST_COLUMN);
        }
        if (columns > 2 && paths > available) {
            return records(table);
        }
        int[] widths = java.util.Arrays.stream(cellNeeds).sum() <= available
                ? TextLayout.fit(needs, cellNeeds, available) : TextLayout.fit(cellNeeds, minimums, available);
        StringBuilder out = new StringBuilder();
        List<Document.Cell> headers = table.headers().stream().map(Document.Cell::of).toList();
        row(out, headers, widths, true);
        out.append(INDENT);
        for (int c = 0; c < columns; c++) {
            out.append("-".repeat(widths[c])).append(c == columns - 1 ? "\n" : GAP);
        }
        for (List<Document.Cell> row : table.rows()) {
            row(out, row, widths, false);
        }
        return out.toString();
    }

    /**
     * A table too narrow for the paths in it, as one record per row: its first two cells on a line, the others under
     * them as "Header: value", so that no path is cut and the text keeps the terminal's width.
     */
    private String records(Document.Table table) {
        String hanging = INDENT + "    ";
        StringBuilder out = new StringBuilder();
        for (List<Document.Cell> row : table.rows()) {
            out.append(INDENT).append(tone(row.get(0).tone(), row.get(0).text())).append(GAP)
                    .append(tone(row.get(1).tone(), row.get(1).text())).append('\n');
            for (int c = 2; c < row.size(); c++) {
                if (!row.get(c).text().isEmpty()) {
                    out.append(lines(hanging + table.headers().get(c) + ": ", hanging + "  ", row.get(c).text(),
                            row.get(c).tone()));
                }
            }
        }
        return out.toString();
    }

    /** One table row, each cell wrapped to its column; as many lines as its tallest cell. */
    private void row(StringBuilder out, List<Document.Cell> cells, int[] widths, boolean header) {
        List<List<String>> wrapped = new ArrayList<>();
        int height = 1;
        for (int c = 0; c < cells.size(); c++) {
            List<String> lines = TextLayout.wrap(cells.get(c).text(), widths[c]);
            wrapped.add(lines);
            height = Math.max(height, lines.size());
        }
        for (int line = 0; line < height; line++) {
            StringBuilder text = new StringBuilder(INDENT);
            for (int c = 0; c < cells.size(); c++) {
                List<String> lines = wrapped.get(c);
                String part = line < lines.size() ? lines.get(line) : "";
                boolean last = c == cells.size() - 1;
                String padded = last ? part : pad(part, widths[c]);
                text.append(header ? style(BOLD, padded) : tone(cells.get(c).tone(), padded));
                text.append(last ? "" : GAP);
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - TextLayout.width(text)));
    }

    String tone(Tone tone, String text) {
        if (text.isEmpty()) {
            return text;
        }
        return switch (tone) {
            case PLAIN -> text;
            case GOOD -> style("\u001b[32m", text);
            case WARN -> style("\u001b[33m", text);
            case BAD -> style("\u001b[31m", text);
            case MUTED -> style("\u001b[2m", text);
        };
    }

    private String style(String code, String text) {
        return colour ? code + text + RESET : text;
    }
}

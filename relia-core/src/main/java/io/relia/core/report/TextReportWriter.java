package io.relia.core.report;

import io.relia.core.report.Document.Block;
import io.relia.core.report.Document.Tone;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/** Plain text for people, aligned for a terminal; ANSI colour only when asked (the CLI asks on a TTY). */
final class TextReportWriter implements ReportWriter {

    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final char[] SPARKS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};
    /** One glyph per series of a stacked bar, so the stack reads without colour too. */
    private static final char[] STACK = {'█', '▓', '▒', '░', '·', '-'};

    private final boolean colour;

    TextReportWriter(boolean colour) {
        this.colour = colour;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        Document document = report.document();
        out.write(style(BOLD, document.title()) + "\n");
        out.write("=".repeat(Math.min(100, document.title().length())) + "\n");
        for (Block block : document.blocks()) {
            out.write(render(block));
        }
        out.flush();
    }

    private String render(Block block) {
        return switch (block) {
            case Document.Heading heading -> heading.level() <= 1
                    ? "\n" + style(BOLD, heading.text()) + "\n" + "-".repeat(Math.min(100, heading.text().length()))
                    + "\n"
                    : "\n" + style(BOLD, heading.text()) + "\n";
            case Document.Paragraph paragraph -> tone(paragraph.tone(), paragraph.text()) + "\n";
            case Document.BulletList list -> bullets(list.items());
            case Document.Table table -> table(table);
            case Document.StatusList list -> statusList(list);
            case Document.Chart chart -> chart(chart.data());
            case Document.Code code -> code.text().lines().map(line -> "    " + line + "\n")
                    .reduce("", String::concat);
        };
    }

    private static String bullets(List<String> items) {
        StringBuilder out = new StringBuilder();
        items.forEach(item -> out.append("  - ").append(item).append('\n'));
        return out.toString();
    }

    private String statusList(Document.StatusList list) {
        int width = list.items().stream().mapToInt(item -> item.status().length()).max().orElse(0);
        StringBuilder out = new StringBuilder();
        for (Document.StatusItem item : list.items()) {
            String label = String.format(Locale.ROOT, "%-" + width + "s", item.status());
            out.append("  ").append(tone(item.tone(), label)).append("  ").append(item.title()).append('\n');
            for (String detail : item.details()) {
                out.append("  ").append(" ".repeat(width)).append("    ").append(detail).append('\n');
            }
        }
        return out.toString();
    }

    private String table(Document.Table table) {
        int columns = table.headers().size();
        int[] widths = new int[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = table.headers().get(c).length();
            for (List<Document.Cell> row : table.rows()) {
                widths[c] = Math.max(widths[c], row.get(c).text().length());
            }
        }
        StringBuilder out = new StringBuilder("  ");
        for (int c = 0; c < columns; c++) {
            out.append(style(BOLD, pad(table.headers().get(c), widths[c], c == columns - 1)));
            out.append(c == columns - 1 ? "\n" : "  ");
        }
        out.append("  ");
        for (int c = 0; c < columns; c++) {
            out.append("-".repeat(widths[c])).append(c == columns - 1 ? "\n" : "  ");
        }
        for (List<Document.Cell> row : table.rows()) {
            out.append("  ");
            for (int c = 0; c < columns; c++) {
                Document.Cell cell = row.get(c);
                out.append(tone(cell.tone(), pad(cell.text(), widths[c], c == columns - 1)));
                out.append(c == columns - 1 ? "\n" : "  ");
            }
        }
        return out.toString();
    }

    private static String pad(String text, int width, boolean last) {
        return last ? text : String.format(Locale.ROOT, "%-" + width + "s", text);
    }

    /** Bars for bar charts, a sparkline per series for line charts: the shape without leaving the terminal. */
    private String chart(ChartData data) {
        StringBuilder out = new StringBuilder("  ").append(style(BOLD, data.title())).append('\n');
        if (data.kind() == ChartData.Kind.LINE) {
            for (ChartData.Series series : data.series()) {
                double min = series.values().stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v))
                        .min().orElse(0);
                double max = series.values().stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v))
                        .max().orElse(0);
                StringBuilder spark = new StringBuilder();
                for (double value : sample(series.values(), 60)) {
                    if (Double.isNaN(value)) {
                        spark.append(' ');
                        continue;
                    }
                    int index = max > min ? (int) Math.round((value - min) / (max - min) * (SPARKS.length - 1)) : 0;
                    spark.append(SPARKS[index]);
                }
                out.append(String.format(Locale.ROOT, "  %s %s  (min %s, max %s)%n", spark, series.name(),
                        number(min), number(max)));
            }
            return out.toString();
        }
        int labelWidth = data.categories().stream().mapToInt(String::length).max().orElse(0);
        double max = 0;
        for (int i = 0; i < data.categories().size(); i++) {
            max = Math.max(max, data.kind() == ChartData.Kind.STACKED_BAR ? total(data, i) : maxOf(data, i));
        }
        boolean stacked = data.kind() == ChartData.Kind.STACKED_BAR;
        if (stacked) {
            StringBuilder legend = new StringBuilder("  ");
            for (int s = 0; s < data.series().size(); s++) {
                legend.append(tone(toneOf(data.series().get(s).name()), String.valueOf(STACK[s % STACK.length])))
                        .append(' ').append(data.series().get(s).name()).append("  ");
            }
            out.append(legend.toString().stripTrailing()).append('\n');
        }
        for (int i = 0; i < data.categories().size(); i++) {
            out.append("  ").append(String.format(Locale.ROOT, "%-" + labelWidth + "s ", data.categories().get(i)));
            StringBuilder values = new StringBuilder();
            for (int s = 0; s < data.series().size(); s++) {
                ChartData.Series series = data.series().get(s);
                double value = series.values().get(i);
                int length = max > 0 ? (int) Math.round(value / max * 40) : 0;
                char glyph = stacked ? STACK[s % STACK.length] : '█';
                out.append(tone(toneOf(series.name()), String.valueOf(glyph).repeat(length)));
                if (!stacked || value != 0) {
                    values.append(values.isEmpty() ? "" : ", ")
                            .append(data.series().size() > 1 ? series.name() + " " : "").append(number(value));
                }
            }
            out.append(' ').append(values).append('\n');
        }
        return out.toString();
    }

    private static double maxOf(ChartData data, int category) {
        return data.series().stream().mapToDouble(series -> series.values().get(category)).max().orElse(0);
    }

    private static double total(ChartData data, int category) {
        return data.series().stream().mapToDouble(series -> series.values().get(category)).sum();
    }

    private static List<Double> sample(List<Double> values, int points) {
        if (values.size() <= points) {
            return values;
        }
        return java.util.stream.IntStream.range(0, points)
                .mapToObj(i -> values.get((int) ((long) i * (values.size() - 1) / (points - 1)))).toList();
    }

    private static Tone toneOf(String seriesName) {
        String name = seriesName.toLowerCase(Locale.ROOT);
        return name.contains("pass") || name.contains("good") ? Tone.GOOD
                : name.contains("fail") || name.contains("bad") || name.contains("error") ? Tone.BAD
                : name.contains("warn") ? Tone.WARN : name.contains("not") || name.contains("manual") ? Tone.MUTED
                : Tone.PLAIN;
    }

    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.4g", value);
    }

    private String tone(Tone tone, String text) {
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

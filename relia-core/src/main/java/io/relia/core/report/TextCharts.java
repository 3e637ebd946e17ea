package io.relia.core.report;

import io.relia.core.chart.AxisScale;
import io.relia.core.report.Document.Tone;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

/**
 * A chart in a terminal: a sparkline per series for lines, a row of marks per series for timelines, bars for bar
 * charts; each scaled against the same axis range as the SVG chart ({@link AxisScale}), so a constant 100% error
 * rate is drawn high and a constant 0 low. Values carry their units; reference lines and bands are listed below.
 */
final class TextCharts {

    private static final char[] SPARKS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};
    /** One glyph per series of a stacked bar, so the stack reads without colour too. */
    private static final char[] STACK = {'█', '▓', '▒', '░', '·', '-'};
    private static final int BAR = 40;
    private static final int MOST_COLUMNS = 60;

    private final BiFunction<Tone, String, String> tone;
    private final int width;

    TextCharts(BiFunction<Tone, String, String> tone, int width) {
        this.tone = tone;
        this.width = width;
    }

    String render(ChartData data) {
        StringBuilder out = new StringBuilder("  ").append(data.title()).append('\n');
        switch (data.kind()) {
            case LINE -> lines(data, out);
            case TIMELINE -> timeline(data, out);
            case BAR, STACKED_BAR -> bars(data, out);
        }
        if (data.kind() == ChartData.Kind.LINE || data.kind() == ChartData.Kind.TIMELINE) {
            if (data.x().size() > 0) {
                out.append("  ").append(data.x().title().isEmpty() ? "x" : data.x().title()).append(": ")
                        .append(data.x().labels().getFirst()).append(" → ").append(data.x().labels().getLast())
                        .append('\n');
            }
        }
        for (ChartData.Reference reference : data.references()) {
            out.append("  line: ").append(reference.label()).append(' ').append(data.y().format(reference.value()))
                    .append('\n');
        }
        for (ChartData.Band band : data.bands()) {
            out.append("  shaded: ").append(band.label()).append(" (").append(bandRange(data, band)).append(")\n");
        }
        return out.toString();
    }

    /** A sparkline per series, its levels from the axis range: the lowest block is the axis minimum. */
    private void lines(ChartData data, StringBuilder out) {
        AxisScale scale = AxisScale.of(data);
        int columns = columns(data);
        for (ChartData.Series series : data.series()) {
            StringBuilder spark = new StringBuilder();
            for (double value : sample(series.values(), columns)) {
                if (Double.isNaN(value)) {
                    spark.append(' ');
                    continue;
                }
                double position = Math.clamp(scale.position(value), 0, 1);
                spark.append(SPARKS[(int) Math.round(position * (SPARKS.length - 1))]);
            }
            // Like the axis, min and max leave out an excluded band (the warm-up), as the report's tables do.
            double[] measured = IntStream.range(0, series.values().size()).filter(i -> !data.excluded(i))
                    .mapToDouble(i -> series.values().get(i)).filter(Double::isFinite).toArray();
            double min = java.util.Arrays.stream(measured).min().orElse(Double.NaN);
            double max = java.util.Arrays.stream(measured).max().orElse(Double.NaN);
            out.append(String.format(Locale.ROOT, "  %s %s  (min %s, max %s)%n", spark, series.name(),
                    data.y().format(min), data.y().format(max)));
        }
        out.append(String.format(Locale.ROOT, "  axis: %s to %s%n", scale.label(scale.min(), data.y().unit()),
                scale.label(scale.max(), data.y().unit())));
    }

    /** A row per series: a block where it has a value in the column's stretch of time, a dot where not. */
    private void timeline(ChartData data, StringBuilder out) {
        int columns = columns(data);
        int size = data.x().size();
        int labelWidth = data.series().stream().mapToInt(series -> TextLayout.width(series.name())).max().orElse(0);
        for (ChartData.Series series : data.series()) {
            StringBuilder marks = new StringBuilder();
            for (int c = 0; c < Math.min(columns, size); c++) {
                int from = (int) ((long) c * size / Math.min(columns, size));
                int to = (int) ((long) (c + 1) * size / Math.min(columns, size));
                boolean on = IntStream.range(from, Math.max(from + 1, to))
                        .anyMatch(i -> !Double.isNaN(series.values().get(i)));
                marks.append(on ? '█' : '·');
            }
            out.append("  ").append(String.format(Locale.ROOT, "%-" + Math.max(1, labelWidth) + "s ", series.name()))
                    .append(marks).append('\n');
        }
    }

    private void bars(ChartData data, StringBuilder out) {
        boolean stacked = data.kind() == ChartData.Kind.STACKED_BAR;
        AxisScale scale = AxisScale.of(data);
        int labelWidth = data.categories().stream().mapToInt(TextLayout::width).max().orElse(0);
        if (stacked) {
            StringBuilder legend = new StringBuilder("  ");
            for (int s = 0; s < data.series().size(); s++) {
                legend.append(tone.apply(toneOf(data.series().get(s).name()), String.valueOf(STACK[s % STACK.length])))
                        .append(' ').append(data.series().get(s).name()).append("  ");
            }
            out.append(legend.toString().stripTrailing()).append('\n');
        }
        for (int i = 0; i < data.categories().size(); i++) {
            String label = data.categories().get(i);
            out.append("  ").append(label).append(" ".repeat(labelWidth - TextLayout.width(label) + 1));
            List<String> values = new ArrayList<>();
            for (int s = 0; s < data.series().size(); s++) {
                ChartData.Series series = data.series().get(s);
                double value = series.values().get(i);
                // Clamped: a tiny value beside a huge negative one rounds the axis top to 0, and x / 0 is infinite.
                int length = Double.isFinite(value) && scale.max() > 0
                        ? (int) Math.round(Math.min(1, Math.max(0, value) / scale.max()) * BAR) : 0;
                char glyph = stacked ? STACK[s % STACK.length] : '█';
                out.append(tone.apply(toneOf(series.name()), String.valueOf(glyph).repeat(length)));
                String text = (data.series().size() > 1 ? series.name() + " " : "") + data.y().format(value);
                if (stacked) {
                    if (value != 0) {
                        values.add(text);
                    }
                } else {
                    // One line per series: its bar, then its value.
                    out.append(' ').append(text).append('\n');
                    if (s < data.series().size() - 1) {
                        out.append(" ".repeat(labelWidth + 3));
                    }
                }
            }
            if (stacked) {
                out.append(' ').append(String.join(", ", values)).append('\n');
            }
        }
    }

    private int columns(ChartData data) {
        int longestName = data.series().stream().mapToInt(series -> TextLayout.width(series.name())).max().orElse(0);
        return Math.max(10, Math.min(MOST_COLUMNS, width - longestName - 40));
    }

    private static String bandRange(ChartData data, ChartData.Band band) {
        ChartData.Domain x = data.x();
        ChartData.Domain ends = switch (x.scale()) {
            case TIME -> ChartData.Domain.times(List.of(java.time.Instant.ofEpochMilli((long) band.from()),
                    java.time.Instant.ofEpochMilli((long) band.to())));
            case ELAPSED -> ChartData.Domain.elapsed(List.of(band.from(), band.to()));
            case NUMBER -> ChartData.Domain.numbers(x.title(), x.unit(), List.of(band.from(), band.to()));
            case CATEGORY -> ChartData.Domain.categories("", List.of(Double.toString(band.from()),
                    Double.toString(band.to())));
        };
        return ends.labels().getFirst() + " to " + ends.labels().getLast();
    }

    private static List<Double> sample(List<Double> values, int points) {
        if (values.size() <= points) {
            return values;
        }
        return IntStream.range(0, points)
                .mapToObj(i -> values.get((int) ((long) i * (values.size() - 1) / (points - 1)))).toList();
    }

    private static Tone toneOf(String seriesName) {
        String name = seriesName.toLowerCase(Locale.ROOT);
        return name.contains("pass") || name.contains("good") ? Tone.GOOD
                : name.contains("fail") || name.contains("bad") || name.contains("error") ? Tone.BAD
                : name.contains("warn") ? Tone.WARN : name.contains("not") || name.contains("manual") ? Tone.MUTED
                : Tone.PLAIN;
    }
}

package io.relia.core.chart;

import io.relia.core.report.ChartData;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * How every chart looks: palette, fonts, a dash pattern and a marker shape per series (so a legend reads without
 * colour), reference lines and their labels, tick labels with units.
 */
final class ChartStyle {

    static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Font SMALL = FONT.deriveFont(10f);
    static final Color GRID = new Color(0xdddddd);
    static final Color TEXT = new Color(0x37474f);
    /** Fill of a shaded band: light enough that the lines over it keep their contrast. */
    static final Color BAND = new Color(255, 152, 0, 46);
    /** Fill of the invisible tooltip targets over the points. */
    static final Color HOVER = new Color(0, 0, 0, 0);
    private static final Color REFERENCE = new Color(0x455a64);
    private static final List<Color> PALETTE = List.of(new Color(0x1565c0), new Color(0xef6c00),
            new Color(0x2e7d32), new Color(0xc62828), new Color(0x6a1b9a), new Color(0x00838f));
    /** Dash patterns in px, one per series in turn: solid, dashed, dotted, dash-dot, long dash, dash-dot-dot. */
    private static final List<float[]> DASHES = List.of(new float[0], new float[] {7, 4}, new float[] {2, 3},
            new float[] {9, 3, 2, 3}, new float[] {14, 5}, new float[] {9, 3, 2, 3, 2, 3});

    private ChartStyle() {
    }

    /** The series' own colour, or the palette's in turn. */
    static Color colour(String css, int index) {
        return css.isEmpty() ? PALETTE.get(index % PALETTE.size()) : Color.decode(css);
    }

    /** A line of the given width in the series' dash pattern. */
    static Stroke stroke(int index, float width) {
        float[] dash = DASHES.get(index % DASHES.size());
        return dash.length == 0 ? new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    /** A marker shape per series in turn: square, circle, triangle, diamond, triangle down, cross. */
    static Shape shape(int index) {
        double s = 3;
        return switch (index % 6) {
            case 0 -> new Rectangle2D.Double(-s, -s, 2 * s, 2 * s);
            case 1 -> new Ellipse2D.Double(-s, -s, 2 * s, 2 * s);
            case 2 -> polygon(0, -s, s, s, -s, s);
            case 3 -> polygon(0, -s, s, 0, 0, s, -s, 0);
            case 4 -> polygon(-s, -s, s, -s, 0, s);
            default -> polygon(-s, -1, -1, -1, -1, -s, 1, -s, 1, -1, s, -1, s, 1, 1, 1, 1, s, -1, s, -1, 1, -s, 1);
        };
    }

    private static Shape polygon(double... points) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(points[0], points[1]);
        for (int i = 2; i < points.length; i += 2) {
            path.lineTo(points[i], points[i + 1]);
        }
        path.closePath();
        return path;
    }

    /** Title, background, legend and axis fonts. */
    static void frame(JFreeChart chart, Plot plot) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(FONT.deriveFont(Font.BOLD, 13f));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(FONT);
            chart.getLegend().setFrame(BlockBorder.NONE);
        }
    }

    static void font(Axis axis) {
        axis.setTickLabelFont(FONT);
        axis.setLabelFont(FONT);
        axis.setTickLabelPaint(TEXT);
        axis.setLabelPaint(TEXT);
    }

    /** A value axis over the scale, its ticks labelled with the unit. */
    static NumberAxis valueAxis(ChartData.ValueAxis y, AxisScale scale) {
        NumberAxis axis = new NumberAxis(y.titleWithUnit());
        axis.setRange(new Range(scale.min(), scale.max()), true, false);
        axis.setTickUnit(new NumberTickUnit(scale.step(), new TickFormat(value -> scale.label(value, y.unit()))));
        font(axis);
        return axis;
    }

    /**
     * A dashed line per reference. Their labels are drawn beside the plot by {@link ReferenceLabels}, where they
     * cannot cover the data or each other; a horizontal chart (references are vertical lines) labels them inside.
     */
    static List<ValueMarker> references(ChartData data, boolean labelInside) {
        java.util.ArrayList<ValueMarker> markers = new java.util.ArrayList<>();
        for (ChartData.Reference reference : data.references()) {
            Paint paint = paint(reference);
            // Thinner than any series (2 px) and finely dashed, so a line is never mistaken for data.
            ValueMarker marker = new ValueMarker(reference.value(), paint, new BasicStroke(1f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4, 3}, 0f));
            if (labelInside) {
                marker.setLabel(ReferenceLabels.text(data, reference));
                label(marker, paint, RectangleAnchor.TOP_RIGHT, TextAnchor.TOP_LEFT);
            }
            markers.add(marker);
        }
        return markers;
    }

    static Color paint(ChartData.Reference reference) {
        return reference.colour().isEmpty() ? REFERENCE : Color.decode(reference.colour());
    }

    static void label(Marker marker, Paint paint, RectangleAnchor anchor, TextAnchor text) {
        marker.setLabelFont(SMALL);
        marker.setLabelPaint(paint);
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 200));
        marker.setLabelAnchor(anchor);
        marker.setLabelTextAnchor(text);
        marker.setLabelOffset(new RectangleInsets(2, 4, 2, 4));
    }

    /** Tick labels from a function: JFreeChart formats ticks through a {@link NumberFormat}. */
    static final class TickFormat extends NumberFormat {
        private static final long serialVersionUID = 1L;
        private final transient DoubleFunction<String> label;

        TickFormat(DoubleFunction<String> label) {
            this.label = label;
        }

        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition position) {
            return to.append(label.apply(number));
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, FieldPosition position) {
            return to.append(label.apply(number));
        }

        @Override
        public Number parse(String source, ParsePosition position) {
            return null;
        }
    }
}

package io.relia.core.chart;

import io.relia.core.report.ChartData;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.ui.RectangleEdge;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.Comparator;
import java.util.List;

/**
 * Labels of reference lines, in a gutter right of the plot: each at its line's height, pushed apart when lines lie
 * closer than a label is tall (14.4×, 6×, 3× and 1× on an axis to 90×), with a short leader to its line.
 */
final class ReferenceLabels {

    /** Vertical room of one label, px. */
    static final int LINE_HEIGHT = 12;
    private static final int MARGIN = 6;

    private ReferenceLabels() {
    }

    /** What a reference line says: its name, value and unit ({@code page 1h: 14.4×}). */
    static String text(ChartData data, ChartData.Reference reference) {
        return reference.label() + ": " + Units.precise(reference.value(), data.y().unit());
    }

    /** Width of the gutter the labels need, px; a small margin when there are none. */
    static int gutter(ChartData data, FontMetrics metrics) {
        int widest = data.references().stream().mapToInt(reference -> metrics.stringWidth(text(data, reference)))
                .max().orElse(0);
        return widest == 0 ? 2 * MARGIN + 6 : widest + 2 * MARGIN + 4;
    }

    /** Draws the labels beside the data area, in each line's colour. */
    static void draw(Graphics2D graphics, ChartData data, ValueAxis axis, Rectangle2D area, RectangleEdge edge) {
        List<ChartData.Reference> sorted = data.references().stream()
                .sorted(Comparator.comparingDouble(ChartData.Reference::value).reversed()).toList();
        double[] wanted = sorted.stream().mapToDouble(reference -> axis.valueToJava2D(reference.value(), area, edge))
                .toArray();
        double[] placed = spread(wanted, area.getMinY(), area.getMaxY());
        graphics.setFont(ChartStyle.SMALL);
        int ascent = graphics.getFontMetrics().getAscent();
        for (int i = 0; i < sorted.size(); i++) {
            graphics.setPaint(ChartStyle.paint(sorted.get(i)));
            graphics.draw(new Line2D.Double(area.getMaxX(), wanted[i], area.getMaxX() + MARGIN - 2, placed[i]));
            graphics.drawString(text(data, sorted.get(i)), (float) (area.getMaxX() + MARGIN),
                    (float) (placed[i] + ascent / 2.0 - 1));
        }
    }

    /**
     * Label centres, top to bottom, at least {@link #LINE_HEIGHT} apart and as close to where they are wanted as
     * that allows, kept between {@code top} and {@code bottom} when they fit.
     *
     * @param wanted the lines' heights in px, ascending (top first)
     */
    static double[] spread(double[] wanted, double top, double bottom) {
        double[] placed = wanted.clone();
        for (int i = 1; i < placed.length; i++) {
            placed[i] = Math.max(placed[i], placed[i - 1] + LINE_HEIGHT);
        }
        for (int i = placed.length - 1; i >= 0; i--) {
            double limit = i == placed.length - 1 ? bottom : placed[i + 1] - LINE_HEIGHT;
            placed[i] = Math.min(placed[i], limit);
        }
        if (placed.length > 0 && placed[0] < top) {
            double shift = top - placed[0];
            for (int i = 0; i < placed.length; i++) {
                placed[i] += shift;
            }
        }
        return placed;
    }
}

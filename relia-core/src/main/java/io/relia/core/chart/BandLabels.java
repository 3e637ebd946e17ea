package io.relia.core.chart;

import io.relia.core.report.ChartData;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.ui.RectangleEdge;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Labels of shaded bands, at the top of the plot: each starts at its band and is kept inside the plot (a band at the
 * right edge gets its label moved left), on the first row where it overlaps no other label.
 */
final class BandLabels {

    private static final int PAD = 4;
    private static final int ROW = 14;
    private static final int ROWS = 3;

    private BandLabels() {
    }

    static void draw(Graphics2D graphics, ChartData data, ValueAxis axis, Rectangle2D area, RectangleEdge edge) {
        graphics.setFont(ChartStyle.SMALL);
        FontMetrics metrics = graphics.getFontMetrics();
        List<List<double[]>> rows = new ArrayList<>();
        for (int r = 0; r < ROWS; r++) {
            rows.add(new ArrayList<>());
        }
        for (ChartData.Band band : data.bands()) {
            int width = metrics.stringWidth(band.label());
            double start = axis.valueToJava2D(band.from(), area, edge) + PAD;
            double x = Math.max(area.getMinX() + PAD, Math.min(start, area.getMaxX() - width - PAD));
            int row = row(rows, x, x + width);
            rows.get(row).add(new double[] {x - PAD, x + width + PAD});
            double y = area.getMinY() + PAD + metrics.getAscent() + row * ROW;
            graphics.setPaint(new Color(255, 255, 255, 200));
            graphics.fill(new Rectangle2D.Double(x - 2, y - metrics.getAscent(), width + 4, metrics.getHeight()));
            graphics.setPaint(ChartStyle.TEXT);
            graphics.drawString(band.label(), (float) x, (float) y);
        }
    }

    /** The first row where {@code from..to} overlaps no label yet; the last row when all are taken. */
    private static int row(List<List<double[]>> rows, double from, double to) {
        for (int r = 0; r < rows.size(); r++) {
            boolean free = rows.get(r).stream().noneMatch(taken -> from < taken[1] && to > taken[0]);
            if (free) {
                return r;
            }
        }
        return rows.size() - 1;
    }
}

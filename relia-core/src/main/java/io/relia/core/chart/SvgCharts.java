package io.relia.core.chart;

import io.relia.core.report.ChartData;
import io.relia.core.report.ChartData.Kind;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.ViewBox;


import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * The one chart helper: draws {@link ChartData} with JFreeChart into an SVG element (JFreeSVG), for HTML reports.
 * Time axes get round UTC or elapsed-time ticks, value axes round ticks with units ({@link AxisScale}), references
 * become labelled dashed lines and bands labelled shaded ranges; each series has its own dash pattern and marker, and
 * points carry a tooltip with their units. Needs no display: it runs headless.
 */
public final class SvgCharts {

    /** Most tooltip targets per series: enough to read a line, few enough to keep the SVG small. */
    static final int MOST_TOOLTIPS = 150;
    private static final double TOOLTIP_RADIUS = 5;

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private SvgCharts() {
    }

    /** An {@code <svg>} element of the given size in pixels, without an XML declaration. */
    public static String svg(ChartData data, int width, int height) {
        JFreeChart chart = switch (data.kind()) {
            case BAR -> CategoryCharts.bar(data);
            case STACKED_BAR -> CategoryCharts.stackedBar(data);
            case LINE -> data.x().scale() == ChartData.Scale.CATEGORY ? CategoryCharts.line(data)
                    : XyCharts.line(data);
            case TIMELINE -> XyCharts.timeline(data);
        };
        SVGGraphics2D graphics = new SVGGraphics2D(width, height);
        boolean gutter = data.kind() != Kind.STACKED_BAR && data.kind() != Kind.TIMELINE;
        int right = gutter ? ReferenceLabels.gutter(data, graphics.getFontMetrics(ChartStyle.SMALL)) : 18;
        chart.setPadding(new RectangleInsets(4, 4, 4, right));
        ChartRenderingInfo info = new ChartRenderingInfo(null);
        chart.draw(graphics, new Rectangle(0, 0, width, height), info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        tooltips(graphics, chart, data, area);
        if (chart.getPlot() instanceof XYPlot xy) {
            if (gutter) {
                ReferenceLabels.draw(graphics, data, xy.getRangeAxis(), area, xy.getRangeAxisEdge());
            }
            BandLabels.draw(graphics, data, xy.getDomainAxis(), area, xy.getDomainAxisEdge());
        } else if (gutter && chart.getPlot() instanceof CategoryPlot category) {
            ReferenceLabels.draw(graphics, data, category.getRangeAxis(), area, category.getRangeAxisEdge());
        }
        return graphics.getSVGElement(null, true, new ViewBox(0, 0, width, height), null, null);
    }

    /** Invisible circles over the points, each with an SVG {@code <title>} that browsers show on hover. */
    private static void tooltips(SVGGraphics2D graphics, JFreeChart chart, ChartData data, Rectangle2D area) {
        if (data.kind() == Kind.BAR || data.kind() == Kind.STACKED_BAR) {
            return;
        }
        graphics.setPaint(ChartStyle.HOVER);
        for (int s = 0; s < data.series().size(); s++) {
            List<Double> values = data.series().get(s).values();
            int step = Math.max(1, (values.size() + MOST_TOOLTIPS - 1) / MOST_TOOLTIPS);
            for (int i = 0; i < values.size(); i += step) {
                if (Double.isNaN(values.get(i))) {
                    continue;
                }
                double[] point = position(chart, data, s, i, area);
                String text = data.kind() == Kind.TIMELINE
                        ? data.series().get(s).name() + ", " + data.x().labels().get(i)
                        : XyCharts.tooltip(data, s, i);
                graphics.setRenderingHint(SVGHints.KEY_ELEMENT_TITLE, text);
                graphics.fill(new Ellipse2D.Double(point[0] - TOOLTIP_RADIUS, point[1] - TOOLTIP_RADIUS,
                        2 * TOOLTIP_RADIUS, 2 * TOOLTIP_RADIUS));
            }
        }
    }

    /** Where point {@code index} of series {@code series} is drawn, in px. */
    private static double[] position(JFreeChart chart, ChartData data, int series, int index, Rectangle2D area) {
        double value = data.series().get(series).values().get(index);
        if (chart.getPlot() instanceof XYPlot plot) {
            double y = data.kind() == Kind.TIMELINE ? data.series().size() - 1 - series : value;
            ValueAxis domain = plot.getDomainAxis();
            return new double[] {domain.valueToJava2D(data.x().values().get(index), area, plot.getDomainAxisEdge()),
                plot.getRangeAxis().valueToJava2D(y, area, plot.getRangeAxisEdge())};
        }
        CategoryPlot plot = (CategoryPlot) chart.getPlot();
        CategoryAxis axis = plot.getDomainAxis();
        return new double[] {axis.getCategoryMiddle(index, data.x().size(), area, plot.getDomainAxisEdge()),
            plot.getRangeAxis().valueToJava2D(value, area, plot.getRangeAxisEdge())};
    }
}

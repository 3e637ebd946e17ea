package io.relia.core.chart;

import io.relia.core.report.ChartData;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.List;

/**
 * The one chart helper: draws {@link ChartData} with JFreeChart into an SVG element (JFreeSVG), for HTML reports
 * and the dashboard. Needs no display: it runs headless.
 */
public final class SvgCharts {

    private static final List<Color> PALETTE = List.of(new Color(0x1565c0), new Color(0xef6c00),
            new Color(0x2e7d32), new Color(0xc62828), new Color(0x6a1b9a), new Color(0x00838f));
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private SvgCharts() {
    }

    /** An {@code <svg>} element of the given size in pixels, without an XML declaration. */
    public static String svg(ChartData data, int width, int height) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (ChartData.Series series : data.series()) {
            for (int i = 0; i < data.categories().size(); i++) {
                Double value = series.values().get(i);
                dataset.addValue(value.isNaN() ? null : value, series.name(), data.categories().get(i));
            }
        }
        JFreeChart chart = switch (data.kind()) {
            case BAR -> ChartFactory.createBarChart(data.title(), data.xLabel(), data.yLabel(), dataset,
                    PlotOrientation.VERTICAL, data.series().size() > 1, false, false);
            case STACKED_BAR -> ChartFactory.createStackedBarChart(data.title(), data.xLabel(), data.yLabel(),
                    dataset, PlotOrientation.HORIZONTAL, data.series().size() > 1, false, false);
            case LINE -> ChartFactory.createLineChart(data.title(), data.xLabel(), data.yLabel(), dataset,
                    PlotOrientation.VERTICAL, data.series().size() > 1, false, false);
        };
        style(chart, data);
        SVGGraphics2D graphics = new SVGGraphics2D(width, height);
        chart.draw(graphics, new Rectangle(0, 0, width, height));
        return graphics.getSVGElement();
    }

    private static void style(JFreeChart chart, ChartData data) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(FONT.deriveFont(Font.BOLD, 13f));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.getRangeAxis().setTickLabelFont(FONT);
        boolean counts = data.series().stream().flatMap(series -> series.values().stream())
                .filter(value -> !value.isNaN()).allMatch(value -> value == Math.rint(value));
        if (counts && plot.getRangeAxis() instanceof org.jfree.chart.axis.NumberAxis numbers) {
            numbers.setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        }
        plot.getRangeAxis().setLabelFont(FONT);
        CategoryAxis axis = plot.getDomainAxis();
        axis.setTickLabelFont(FONT);
        axis.setLabelFont(FONT);
        if (data.kind() == ChartData.Kind.LINE) {
            axis.setTickLabelsVisible(data.categories().size() <= 24);
            axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        for (int i = 0; i < data.series().size(); i++) {
            String colour = data.series().get(i).colour();
            Color paint = colour.isEmpty() ? PALETTE.get(i % PALETTE.size()) : Color.decode(colour);
            plot.getRenderer().setSeriesPaint(i, paint);
            plot.getRenderer().setSeriesStroke(i, new BasicStroke(2f));
        }
        if (plot.getRenderer() instanceof BarRenderer bars) {
            bars.setBarPainter(new StandardBarPainter());
            bars.setShadowVisible(false);
            bars.setMaximumBarWidth(0.08);
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(FONT);
            chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
    }
}

package io.relia.core.chart;

import io.relia.core.report.ChartData;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.stream.DoubleStream;

/**
 * Charts over categories: vertical bars, stacked horizontal bars and lines. Bars carry their values as labels (with
 * units); alternate series are hollow and stacked segments are labelled, so that none relies on colour alone.
 */
final class CategoryCharts {

    /** Room above the tallest bar for its label, as a share of its value. */
    private static final double LABEL_HEADROOM = 1.15;

    private CategoryCharts() {
    }

    static JFreeChart bar(ChartData data) {
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.08);
        renderer.setItemMargin(0.05);
        renderer.setDrawBarOutline(true);
        for (int s = 0; s < data.series().size(); s++) {
            Color colour = ChartStyle.colour(data.series().get(s).colour(), s);
            renderer.setSeriesOutlinePaint(s, colour);
            renderer.setSeriesOutlineStroke(s, new BasicStroke(1.5f));
            renderer.setSeriesPaint(s, s % 2 == 0 ? colour
                    : new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 40));
        }
        labels(renderer, new ValueLabels(data, false),
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER), ChartStyle.TEXT);
        double highest = data.series().stream().flatMap(series -> series.values().stream())
                .mapToDouble(Double::doubleValue).filter(Double::isFinite).max().orElse(0);
        double[] values = DoubleStream.concat(values(data), DoubleStream.of(highest * LABEL_HEADROOM)).toArray();
        AxisScale scale = AxisScale.of(values, data.y().fromZero(), data.y().ceiling());
        return chart(data, renderer, scale, PlotOrientation.VERTICAL);
    }

    static JFreeChart stackedBar(ChartData data) {
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.6);
        for (int s = 0; s < data.series().size(); s++) {
            Color colour = ChartStyle.colour(data.series().get(s).colour(), s);
            renderer.setSeriesPaint(s, colour);
            renderer.setSeriesItemLabelPaint(s, dark(colour) ? Color.WHITE : ChartStyle.TEXT);
        }
        labels(renderer, new ValueLabels(data, true),
                new ItemLabelPosition(ItemLabelAnchor.CENTER, TextAnchor.CENTER), null);
        return chart(data, renderer, AxisScale.of(data), PlotOrientation.HORIZONTAL);
    }

    static JFreeChart line(ChartData data) {
        LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
        for (int s = 0; s < data.series().size(); s++) {
            renderer.setSeriesPaint(s, ChartStyle.colour(data.series().get(s).colour(), s));
            renderer.setSeriesStroke(s, ChartStyle.stroke(s, 2f));
            renderer.setSeriesShape(s, ChartStyle.shape(s));
        }
        renderer.setLegendShape(0, ChartStyle.shape(0));
        JFreeChart chart = chart(data, renderer, AxisScale.of(data), PlotOrientation.VERTICAL);
        if (data.categories().size() > 12) {
            chart.getCategoryPlot().getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        return chart;
    }

    private static JFreeChart chart(ChartData data, CategoryItemRenderer renderer, AxisScale scale,
                                    PlotOrientation orientation) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        List<String> names = XyCharts.uniqueNames(data);
        for (int s = 0; s < data.series().size(); s++) {
            for (int i = 0; i < data.categories().size(); i++) {
                Double value = data.series().get(s).values().get(i);
                dataset.addValue(value.isNaN() ? null : value, names.get(s), new Category(i, data.categories().get(i)));
            }
        }
        CategoryAxis axis = new CategoryAxis(data.x().title());
        ChartStyle.font(axis);
        CategoryPlot plot = new CategoryPlot(dataset, axis, ChartStyle.valueAxis(data.y(), scale), renderer);
        plot.setOrientation(orientation);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        ChartStyle.references(data, orientation == PlotOrientation.HORIZONTAL)
                .forEach(marker -> plot.addRangeMarker(marker, Layer.FOREGROUND));
        JFreeChart chart = new JFreeChart(data.title(), ChartStyle.FONT, plot, data.series().size() > 1);
        ChartStyle.frame(chart, plot);
        return chart;
    }

    private static void labels(CategoryItemRenderer renderer, CategoryItemLabelGenerator generator,
                               ItemLabelPosition position, Color paint) {
        renderer.setDefaultItemLabelGenerator(generator);
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ChartStyle.SMALL);
        renderer.setDefaultPositiveItemLabelPosition(position);
        if (paint != null) {
            renderer.setDefaultItemLabelPaint(paint);
        }
    }

    private static DoubleStream values(ChartData data) {
        return data.series().stream().flatMap(series -> series.values().stream()).mapToDouble(Double::doubleValue);
    }

    private static boolean dark(Color colour) {
        double luminance = 0.299 * colour.getRed() + 0.587 * colour.getGreen() + 0.114 * colour.getBlue();
        return luminance < 150;
    }

    /**
     * A category key that keeps repeated labels apart and sorts in the given order; shown as its label.
     *
     * @param index position
     * @param label what the axis shows
     */
    private record Category(int index, String label) implements Comparable<Category> {
        @Override
        public int compareTo(Category other) {
            return Integer.compare(index, other.index);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * Bar labels: the value with its unit ({@code 4 min}), or, inside a stacked segment, the series and the value
     * ({@code fail 2}); nothing for a missing or zero value.
     */
    private record ValueLabels(ChartData data, boolean withSeries) implements CategoryItemLabelGenerator {
        @Override
        public String generateRowLabel(CategoryDataset dataset, int row) {
            return data.series().get(row).name();
        }

        @Override
        public String generateColumnLabel(CategoryDataset dataset, int column) {
            return data.categories().get(column);
        }

        @Override
        public String generateLabel(CategoryDataset dataset, int row, int column) {
            Number value = dataset.getValue(row, column);
            if (value == null || value.doubleValue() == 0 && withSeries) {
                return null;
            }
            String text = data.y().format(value.doubleValue());
            return withSeries ? data.series().get(row).name() + " " + text : text;
        }
    }
}

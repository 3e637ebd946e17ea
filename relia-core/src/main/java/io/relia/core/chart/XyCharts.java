package io.relia.core.chart;

import io.relia.core.report.ChartData;
import io.relia.core.report.ChartData.Scale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.DoubleStream;

/** Charts over a continuous x axis (time, elapsed time, numbers): lines and timelines, with bands and references. */
final class XyCharts {

    /** Above this many x positions lines show no markers: they would merge into a thick smear. */
    static final int MOST_MARKED_POINTS = 40;

    private XyCharts() {
    }

    /** The x axis: round time or number ticks over the data and the bands, labelled with units. */
    static NumberAxis domainAxis(ChartData data) {
        ChartData.Domain x = data.x();
        DoubleStream edges = data.bands().stream().flatMapToDouble(band -> DoubleStream.of(band.from(), band.to()));
        double[] values = DoubleStream.concat(x.values().stream().mapToDouble(Double::doubleValue), edges).toArray();
        double min = DoubleStream.of(values).min().orElse(0);
        double max = DoubleStream.of(values).max().orElse(1);
        NumberAxis axis;
        if (x.scale() == Scale.ELAPSED) {
            min = Math.min(0, min);
        }
        if (x.scale() == Scale.NUMBER) {
            AxisScale scale = AxisScale.of(values, false, Double.NaN);
            axis = new NumberAxis(x.unit().isEmpty() ? x.title() : x.title() + " (" + x.unit() + ")");
            axis.setRange(new Range(scale.min(), scale.max()), true, false);
            axis.setTickUnit(new NumberTickUnit(scale.step(),
                    new ChartStyle.TickFormat(value -> scale.label(value, x.unit()))));
        } else {
            TimeScale scale = TimeScale.of(x.scale(), min, max);
            axis = new NumberAxis(scale.title(x.title()));
            axis.setRange(new Range(scale.min(), scale.max()), true, false);
            axis.setTickUnit(new NumberTickUnit(scale.step(), new ChartStyle.TickFormat(scale::label)));
        }
        ChartStyle.font(axis);
        return axis;
    }

    static JFreeChart line(ChartData data) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        List<String> names = uniqueNames(data);
        for (int s = 0; s < data.series().size(); s++) {
            XYSeries series = new XYSeries(names.get(s), false, true);
            List<Double> values = data.series().get(s).values();
            for (int i = 0; i < values.size(); i++) {
                series.add(data.x().values().get(i).doubleValue(), values.get(i).doubleValue());
            }
            dataset.addSeries(series);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setLegendLine(new Line2D.Double(-12, 0, 12, 0));
        for (int s = 0; s < data.series().size(); s++) {
            renderer.setSeriesPaint(s, ChartStyle.colour(data.series().get(s).colour(), s));
            renderer.setSeriesStroke(s, ChartStyle.stroke(s, 2f));
            renderer.setSeriesShape(s, ChartStyle.shape(s));
            renderer.setSeriesShapesVisible(s, data.x().size() <= MOST_MARKED_POINTS);
        }
        XYPlot plot = new XYPlot(dataset, domainAxis(data), ChartStyle.valueAxis(data.y(), AxisScale.of(data)),
                renderer);
        decorate(plot, data);
        JFreeChart chart = new JFreeChart(data.title(), ChartStyle.FONT, plot, data.series().size() > 1);
        ChartStyle.frame(chart, plot);
        return chart;
    }

    /** A row per series, labelled with its name, drawn where the series has a value (firing, active). */
    static JFreeChart timeline(ChartData data) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        List<String> names = uniqueNames(data);
        int rows = data.series().size();
        for (int s = 0; s < rows; s++) {
            XYSeries series = new XYSeries(names.get(s), false, true);
            List<Double> values = data.series().get(s).values();
            double row = rows - 1 - s;
            for (int i = 0; i < values.size(); i++) {
                series.add(data.x().values().get(i).doubleValue(), Double.isNaN(values.get(i)) ? Double.NaN : row);
            }
            dataset.addSeries(series);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setDrawSeriesLineAsPath(true);
        for (int s = 0; s < rows; s++) {
            renderer.setSeriesPaint(s, ChartStyle.colour(data.series().get(s).colour(), s));
            renderer.setSeriesStroke(s, new BasicStroke(7f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
            renderer.setSeriesShape(s, new Rectangle2D.Double(-1.5, -3.5, 3, 7));
        }
        String[] symbols = new String[rows];
        for (int s = 0; s < rows; s++) {
            symbols[rows - 1 - s] = data.series().get(s).name();
        }
        SymbolAxis axis = new SymbolAxis(data.y().title(), symbols);
        axis.setRange(-0.6, rows - 0.4);
        axis.setGridBandsVisible(false);
        ChartStyle.font(axis);
        XYPlot plot = new XYPlot(dataset, domainAxis(data), axis, renderer);
        decorate(plot, data);
        JFreeChart chart = new JFreeChart(data.title(), ChartStyle.FONT, plot, false);
        ChartStyle.frame(chart, plot);
        return chart;
    }

    private static void decorate(XYPlot plot, ChartData data) {
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.setDomainGridlinePaint(ChartStyle.GRID);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        for (int b = 0; b < data.bands().size(); b++) {
            ChartData.Band band = data.bands().get(b);
            // Labelled by BandLabels once drawn, where the label can be kept inside the plot.
            plot.addDomainMarker(new IntervalMarker(band.from(), band.to(), ChartStyle.BAND), Layer.BACKGROUND);
        }
        if (data.kind() == ChartData.Kind.LINE) {
            ChartStyle.references(data, false).forEach(marker -> plot.addRangeMarker(marker, Layer.FOREGROUND));
        }
    }

    /** Series names made unique for JFreeChart's dataset keys (a repeated name gets its position). */
    static List<String> uniqueNames(ChartData data) {
        Set<String> seen = new HashSet<>();
        List<String> names = new java.util.ArrayList<>();
        for (int s = 0; s < data.series().size(); s++) {
            String name = data.series().get(s).name();
            names.add(seen.add(name) ? name : name + " (" + (s + 1) + ")");
        }
        return names;
    }

    /** Tooltip text of one point: {@code p99 latency, 12 s: 250 ms}. */
    static String tooltip(ChartData data, int series, int index) {
        return data.series().get(series).name() + ", " + data.x().labels().get(index) + ": "
                + data.y().format(data.series().get(series).values().get(index));
    }
}

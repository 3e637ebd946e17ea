package io.relia.core.report;

import java.util.List;

/**
 * The numbers of one chart and how to draw them; {@link io.relia.core.chart.SvgCharts} turns it into SVG.
 *
 * @param title      chart title
 * @param kind       bar, stacked bar or line
 * @param categories x values (bar charts) or x labels (line charts), in order
 * @param series     named series, each with one value per category
 * @param xLabel     x axis label, may be empty
 * @param yLabel     y axis label with its unit, may be empty
 */
public record ChartData(String title, Kind kind, List<String> categories, List<Series> series, String xLabel,
                        String yLabel) {

    /** How to draw the series. */
    public enum Kind {
        BAR, STACKED_BAR, LINE
    }

    /**
     * One named series; {@code colour} is a CSS colour such as {@code #2e7d32}, or empty for the default palette.
     *
     * @param name   legend label
     * @param values one value per category
     * @param colour CSS hex colour or empty
     */
    public record Series(String name, List<Double> values, String colour) {
        public Series {
            values = List.copyOf(values);
        }
    }

    public ChartData {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        for (Series one : series) {
            if (one.values().size() != categories.size()) {
                throw new IllegalArgumentException("series " + one.name() + " has " + one.values().size()
                        + " values for " + categories.size() + " categories");
            }
        }
    }
}

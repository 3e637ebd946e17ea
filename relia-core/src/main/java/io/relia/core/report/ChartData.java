package io.relia.core.report;

import io.relia.core.chart.Units;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The numbers of one chart and what they mean: x positions with their scale and unit, a value axis with its unit
 * and range policy, named series, labelled reference lines (thresholds, targets, capacity) and labelled shaded bands
 * (fault windows, warm-up). {@link io.relia.core.chart.SvgCharts} draws it; the text and Markdown writers print the
 * same facts, scaled against the same axis.
 *
 * @param title      chart title
 * @param kind       how to draw the series
 * @param x          the x positions, one per value of every series
 * @param y          the value axis
 * @param series     named series, each with one value per x position (NaN where there is no value)
 * @param references horizontal lines at values of the y axis, each with a label
 * @param bands      shaded x ranges, each with a label; only on a continuous x axis
 */
public record ChartData(String title, Kind kind, Domain x, ValueAxis y, List<Series> series,
                        List<Reference> references, List<Band> bands) {

    /** How to draw the series. */
    public enum Kind {
        /** Vertical bars per category, one per series. */
        BAR,
        /** Horizontal bars per category, the series stacked. */
        STACKED_BAR,
        /** A line per series. */
        LINE,
        /** A row per series, drawn where its value is not NaN (alerts firing, for example). */
        TIMELINE
    }

    /** What the x positions are. */
    public enum Scale {
        /** Labels in order; positions are their indexes. */
        CATEGORY,
        /** Instants, as epoch milliseconds, shown in UTC. */
        TIME,
        /** Seconds since a start. */
        ELAPSED,
        /** Plain numbers with a unit. */
        NUMBER;

        boolean continuous() {
            return this != CATEGORY;
        }
    }

    /**
     * The x positions of a chart.
     *
     * @param scale  what the values are
     * @param title  axis title, may be empty
     * @param unit   unit of {@link Scale#NUMBER} values ({@code req/s}); empty otherwise
     * @param labels category labels ({@link Scale#CATEGORY}); for other scales, each value written out with its unit
     * @param values epoch ms ({@link Scale#TIME}), seconds ({@link Scale#ELAPSED}), numbers, or category indexes
     */
    public record Domain(Scale scale, String title, String unit, List<String> labels, List<Double> values) {

        public Domain {
            labels = List.copyOf(labels);
            values = List.copyOf(values);
            if (labels.size() != values.size()) {
                throw new IllegalArgumentException(labels.size() + " labels for " + values.size() + " x values");
            }
            if (values.stream().anyMatch(value -> !Double.isFinite(value))) {
                throw new IllegalArgumentException("x values must be finite: " + values);
            }
        }

        /** Categories in order (severities, percentiles, chart rows). */
        public static Domain categories(String title, List<String> labels) {
            return new Domain(Scale.CATEGORY, title, "", labels,
                    IntStream.range(0, labels.size()).mapToObj(i -> (double) i).toList());
        }

        /** Instants, on an axis titled "time (UTC)". */
        public static Domain times(List<Instant> times) {
            List<Double> millis = times.stream().map(at -> (double) at.toEpochMilli()).toList();
            return new Domain(Scale.TIME, "time (UTC)", "", millis.stream().map(Units::instant).toList(), millis);
        }

        /** Seconds since a start, on an axis titled "time since start". */
        public static Domain elapsed(List<Double> seconds) {
            return new Domain(Scale.ELAPSED, "time since start", "",
                    seconds.stream().map(Units::seconds).toList(), seconds);
        }

        /** Numbers with a unit ({@code intended rate}, {@code req/s}). */
        public static Domain numbers(String title, String unit, List<Double> values) {
            return new Domain(Scale.NUMBER, title, unit,
                    values.stream().map(value -> Units.format(value, unit)).toList(), values);
        }

        public int size() {
            return values.size();
        }
    }

    /**
     * The value axis: its title and unit, and how its range is chosen ({@link io.relia.core.chart.AxisScale}).
     *
     * @param title    axis title, without the unit
     * @param unit     unit of every value ({@code ms}, {@code req/s}, {@code %}, {@code ×}), empty for plain counts
     * @param fromZero whether the range always includes zero (amounts); false fits the range to the values
     * @param ceiling  the scale's natural top (100 for percentages), used when the values are constant; NaN if none
     */
    public record ValueAxis(String title, String unit, boolean fromZero, double ceiling) {

        public ValueAxis {
            if (!Double.isNaN(ceiling) && !Double.isFinite(ceiling)) {
                throw new IllegalArgumentException("ceiling must be finite or NaN: " + ceiling);
            }
        }

        /** An amount that starts at zero: latency, rates, counts, burn rates. */
        public static ValueAxis amount(String title, String unit) {
            return new ValueAxis(title, unit, true, Double.NaN);
        }

        /** A percentage from 0; a constant series is drawn against 0..100%. */
        public static ValueAxis percent(String title) {
            return new ValueAxis(title, "%", true, 100);
        }

        /** The same axis with its range fitted to the values instead of starting at zero (an SLI near 100%). */
        public ValueAxis fitted() {
            return new ValueAxis(title, unit, false, ceiling);
        }

        /** The axis title with its unit: {@code p99 latency (ms)}. */
        public String titleWithUnit() {
            if (unit.isEmpty()) {
                return title;
            }
            return title.isEmpty() ? unit : title + " (" + unit + ")";
        }

        /** A value with this axis's unit: {@code 12.5 ms}, {@code 99.9%}. */
        public String format(double value) {
            return Units.format(value, unit);
        }
    }

    /**
     * One named series; {@code colour} is a CSS colour such as {@code #2e7d32}, or empty for the default palette.
     *
     * @param name   legend label
     * @param values one value per x position, NaN where there is none
     * @param colour CSS hex colour or empty
     */
    public record Series(String name, List<Double> values, String colour) {
        public Series {
            values = List.copyOf(values);
        }
    }

    /**
     * A horizontal line at a value of the y axis (a burn-rate threshold, an SLO target, usable capacity).
     *
     * @param value  where, in the y axis's unit
     * @param label  what it is ({@code page 1h}); the value and unit are added when drawn
     * @param colour CSS hex colour or empty
     */
    public record Reference(double value, String label, String colour) {
        public Reference {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("reference " + label + " needs a finite value: " + value);
            }
        }
    }

    /**
     * A shaded x range (a fault window, the warm-up), in the x axis's values.
     *
     * @param from     start, in x values
     * @param to       end, in x values, not before {@code from}
     * @param label    what it is ({@code fault: latency 200 ms})
     * @param excluded whether values inside leave the axis range alone: the warm-up, which the report's statistics
     *                 leave out too, is drawn but does not squash the measured part
     */
    public record Band(double from, double to, String label, boolean excluded) {
        public Band {
            if (!Double.isFinite(from) || !Double.isFinite(to) || to < from) {
                throw new IllegalArgumentException("band " + label + " needs finite from <= to: " + from + ", " + to);
            }
        }
    }

    public ChartData {
        series = List.copyOf(series);
        references = List.copyOf(references);
        bands = List.copyOf(bands);
        for (Series one : series) {
            if (one.values().size() != x.size()) {
                throw new IllegalArgumentException("series " + one.name() + " has " + one.values().size()
                        + " values for " + x.size() + " x positions");
            }
        }
        boolean categorical = kind == Kind.BAR || kind == Kind.STACKED_BAR;
        if (categorical && x.scale().continuous()) {
            throw new IllegalArgumentException(kind + " charts take categories, not " + x.scale());
        }
        if (kind == Kind.TIMELINE && !x.scale().continuous()) {
            throw new IllegalArgumentException("a timeline needs a continuous x axis");
        }
        if (!bands.isEmpty() && !x.scale().continuous()) {
            throw new IllegalArgumentException("bands need a continuous x axis, not categories");
        }
    }

    /** A categorical chart without units or lines: kept for producers that draw plain counts. */
    public ChartData(String title, Kind kind, List<String> categories, List<Series> series, String xLabel,
                     String yLabel) {
        this(title, kind, Domain.categories(xLabel, categories), ValueAxis.amount(yLabel, ""), series, List.of(),
                List.of());
    }

    /** Whether the value at x position {@code index} lies in a band that leaves the axis range alone. */
    public boolean excluded(int index) {
        double at = x.values().get(index);
        return bands.stream().anyMatch(band -> band.excluded() && at >= band.from() && at <= band.to());
    }

    /** The x labels in order: categories, or each x value written out with its unit. */
    public List<String> categories() {
        return x.labels();
    }

    /** Starts a chart. */
    public static Builder builder(String title, Kind kind, Domain x, ValueAxis y) {
        return new Builder(title, kind, x, y);
    }

    /** Builds a chart series by series, line by line. */
    public static final class Builder {
        private final String title;
        private final Kind kind;
        private final Domain x;
        private final ValueAxis y;
        private final List<Series> series = new ArrayList<>();
        private final List<Reference> references = new ArrayList<>();
        private final List<Band> bands = new ArrayList<>();

        private Builder(String title, Kind kind, Domain x, ValueAxis y) {
            this.title = title;
            this.kind = kind;
            this.x = x;
            this.y = y;
        }

        /** Adds a series: one value per x position (NaN for none), a CSS colour or empty for the palette's. */
        public Builder series(String name, List<Double> values, String colour) {
            series.add(new Series(name, values, colour));
            return this;
        }

        /** Adds a horizontal line at {@code value} (in the y axis's unit), labelled with its name and value. */
        public Builder reference(double value, String label, String colour) {
            references.add(new Reference(value, label, colour));
            return this;
        }

        /** Adds a labelled shaded x range (in x values) whose values count for the axis range. */
        public Builder band(double from, double to, String label) {
            bands.add(new Band(from, to, label, false));
            return this;
        }

        /** A band whose values do not set the axis range (see {@link Band#excluded()}). */
        public Builder excludedBand(double from, double to, String label) {
            bands.add(new Band(from, to, label, true));
            return this;
        }

        /** The chart; throws {@link IllegalArgumentException} when a series or band does not fit the x axis. */
        public ChartData build() {
            return new ChartData(title, kind, x, y, series, references, bands);
        }
    }
}

package io.relia.core.chart;

import io.relia.core.report.ChartData;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

/**
 * The range and round ticks of a value axis, shared by the SVG charts and the text sparklines so both scale the
 * same way. Rules: NaN and infinite values are ignored; an amount axis includes zero; a range with no values, or
 * only zeros, is 0..1; a constant amount is drawn against 0..ceiling (0..100% for percentages) or else 0..2×value, so
 * a high constant looks high and a low one low; a fitted axis pads a constant by 10% (1 for zero), kept under the
 * ceiling. The bounds are then widened to multiples of a round step (1, 2, 2.5 or 5 × 10ⁿ), about five intervals.
 *
 * @param min  lowest value shown
 * @param max  highest value shown, above {@code min}
 * @param step distance between ticks; {@code min} and {@code max} are multiples of it (or the ceiling)
 */
public record AxisScale(double min, double max, double step) {

    /** Intervals the step aims for: about five ticks fit a 300 px tall chart with room for labels. */
    private static final int INTERVALS = 5;
    private static final double[] MANTISSAS = {1, 2, 2.5, 5, 10};

    public AxisScale {
        if (!(max > min) || !(step > 0) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("axis needs finite min < max and step > 0: " + min + ", " + max + ", "
                    + step);
        }
    }

    /**
     * The y axis of a chart: every series value (each stack, when stacked) and every reference line fits, except
     * values inside an excluded band (the warm-up).
     */
    public static AxisScale of(ChartData chart) {
        DoubleStream values = chart.kind() == ChartData.Kind.STACKED_BAR
                ? IntStream.range(0, chart.x().size()).mapToDouble(i -> chart.series().stream()
                        .mapToDouble(series -> series.values().get(i)).filter(Double::isFinite).sum())
                : IntStream.range(0, chart.x().size()).filter(i -> !chart.excluded(i))
                        .boxed().flatMapToDouble(i -> chart.series().stream()
                                .mapToDouble(series -> series.values().get(i)));
        DoubleStream lines = chart.references().stream().mapToDouble(ChartData.Reference::value);
        return of(DoubleStream.concat(values, lines).toArray(), chart.y().fromZero(), chart.y().ceiling());
    }

    /**
     * The scale of some values.
     *
     * @param values   the values to show; NaN and infinities are ignored
     * @param fromZero whether zero is always in range (amounts), or the range fits the values
     * @param ceiling  the natural top of the scale, NaN when there is none
     */
    public static AxisScale of(double[] values, boolean fromZero, double ceiling) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            if (Double.isFinite(value)) {
                low = Math.min(low, value);
                high = Math.max(high, value);
            }
        }
        if (low > high) {
            return nice(0, 1, ceiling);
        }
        boolean constant = low == high;
        if (fromZero) {
            if (constant && low > 0) {
                high = Double.isFinite(ceiling) && low <= ceiling ? ceiling : 2 * low;
            } else if (constant && low < 0) {
                low = 2 * low;
            }
            low = Math.min(0, low);
            high = Math.max(0, high);
            if (low == high) {
                return nice(0, 1, ceiling);
            }
            return nice(low, high, ceiling);
        }
        if (constant) {
            double pad = low == 0 ? 1 : Math.abs(low) * 0.1;
            boolean underCeiling = Double.isFinite(ceiling) && low <= ceiling;
            high = underCeiling ? Math.min(ceiling, low + pad) : low + pad;
            low = high == low ? low - 2 * pad : low - pad;
        }
        return nice(low, high, ceiling);
    }

    private static AxisScale nice(double low, double high, double ceiling) {
        double step = step((high - low) / INTERVALS);
        double min = Math.floor(low / step + 1e-9) * step;
        double max = Math.ceil(high / step - 1e-9) * step;
        if (Double.isFinite(ceiling) && high <= ceiling && max > ceiling && ceiling > min) {
            max = ceiling;
        }
        return new AxisScale(clean(min, step), clean(max, step), step);
    }

    /** The smallest round step (1, 2, 2.5 or 5 × 10ⁿ) at least {@code raw}. */
    static double step(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double mantissa : MANTISSAS) {
            if (mantissa * magnitude >= raw * (1 - 1e-9)) {
                return clean(mantissa * magnitude, magnitude);
            }
        }
        return 10 * magnitude;
    }

    /** Removes floating-point dust (0.30000000000000004) by rounding to two digits below the step's precision. */
    private static double clean(double value, double step) {
        int decimals = 2 - (int) Math.floor(Math.log10(step));
        return BigDecimal.valueOf(value).setScale(Math.max(0, decimals), RoundingMode.HALF_UP).doubleValue();
    }

    /** The tick values from {@code min} to {@code max}. */
    public List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        long count = Math.round((max - min) / step);
        for (long i = 0; i <= count && i <= 100; i++) {
            double tick = clean(min + i * step, step);
            if (tick <= max + step * 1e-9) {
                ticks.add(tick);
            }
        }
        return ticks;
    }

    /** Decimals a tick label needs: 0 for a step of 5, 1 for 2.5 or 0.5, 2 for 0.25. */
    public int decimals() {
        int decimals = 0;
        double scaled = step;
        while (Math.abs(scaled - Math.rint(scaled)) > 1e-6 * Math.max(1, scaled) && decimals < 12) {
            scaled *= 10;
            decimals++;
        }
        return decimals;
    }

    /** A tick label with its unit: {@code 250 ms}, {@code 2.5%}. */
    public String label(double value, String unit) {
        return Units.format(value, unit, decimals());
    }

    /** Where a value lies between {@code min} (0) and {@code max} (1); outside 0..1 when out of range. */
    public double position(double value) {
        return (value - min) / (max - min);
    }
}

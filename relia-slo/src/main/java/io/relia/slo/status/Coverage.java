package io.relia.slo.status;

import io.relia.core.value.Durations;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How much of an SLO's window the data covers at the moment evaluated: from the first sample of the SLI's series
 * inside the window (the window's start when data reaches back further) to that moment. A budget is judged over the
 * whole window, so a recording of 6 hours, a young service or short retention are told apart from a month of data.
 *
 * @param window   the SLO window
 * @param covered  the span with data, from zero (no data) to the whole window
 * @param measured false when the start of the data could not be found (PromQL Relia does not read): the whole window
 *                 is then assumed, and every verdict line says so
 */
public record Coverage(Duration window, Duration covered, boolean measured) {

    public Coverage {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(covered, "covered");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        if (covered.isNegative() || covered.compareTo(window) > 0) {
            throw new IllegalArgumentException("covered must be 0.." + window + ": " + covered);
        }
        if (!measured && !covered.equals(window)) {
            throw new IllegalArgumentException("an assumed coverage is the whole window");
        }
    }

    /** Data over the whole window. */
    public static Coverage whole(Duration window) {
        return new Coverage(window, window, true);
    }

    /** The start of the data is unknown: the whole window is assumed. */
    public static Coverage assumed(Duration window) {
        return new Coverage(window, window, false);
    }

    /** Data over {@code covered} (clamped to the window), measured. */
    public static Coverage of(Duration window, Duration covered) {
        Duration span = covered.isNegative() ? Duration.ZERO : covered.compareTo(window) > 0 ? window : covered;
        return new Coverage(window, span, true);
    }

    /** The covered share of the window, ratio 0..1. */
    public double share() {
        return covered.toMillis() / (double) window.toMillis();
    }

    /** True when data covers (or is assumed to cover) the whole window. */
    public boolean isWhole() {
        return covered.equals(window);
    }

    /**
     * One clause for verdict lines: {@code data covers 6h of the 30d window (0.8%)}, {@code data covers the whole 30d
     * window}, or the assumption made when the start of the data is unknown.
     */
    public String describe() {
        String of = Durations.format(window) + " window";
        if (!measured) {
            return "data assumed to cover the whole " + of + " (where it starts could not be found)";
        }
        if (isWhole()) {
            return "data covers the whole " + of;
        }
        if (covered.isZero()) {
            return "no data in the " + of;
        }
        return "data covers " + Durations.format(covered) + " of the " + of + " (" + sharePercent() + ")";
    }

    /** The share as a percentage: 0.00833 → 0.8%, never rounded up to 100% while part of the window is missing. */
    public String sharePercent() {
        double share = share();
        if (share > 0 && share < 0.001) {
            return "<0.1%";
        }
        double tenths = Math.floor(share * 1000) / 10;
        return (tenths == Math.rint(tenths) ? String.format(Locale.ROOT, "%.0f", tenths)
                : String.format(Locale.ROOT, "%.1f", tenths)) + "%";
    }
}

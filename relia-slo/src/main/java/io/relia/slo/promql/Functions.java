package io.relia.slo.promql;

import java.util.Set;

/**
 * The range functions (over a window of samples) and the per-value functions offline evaluation supports, with
 * Prometheus' semantics: rate() and increase() extrapolate to the window edges as {@code extrapolatedRate} in
 * Prometheus' promql/functions.go does.
 */
final class Functions {

    static final Set<String> RANGE = Set.of("rate", "increase", "delta", "irate", "idelta", "avg_over_time",
            "sum_over_time", "count_over_time", "min_over_time", "max_over_time", "last_over_time",
            "present_over_time", "changes", "resets");
    static final Set<String> VALUE = Set.of("abs", "ceil", "floor", "exp", "ln", "log2", "log10", "sqrt", "sgn",
            "clamp", "clamp_min", "clamp_max", "round");
    static final Set<String> OTHER = Set.of("scalar", "vector", "time", "absent", "histogram_quantile");
    static final Set<String> SUPPORTED;
    /** Every function of Prometheus' PromQL (3.x, experimental ones included), for syntax checks. */
    static final Set<String> PROMETHEUS = Set.of("abs", "absent", "absent_over_time", "acos", "acosh", "asin",
            "asinh", "atan", "atanh", "avg_over_time", "ceil", "changes", "clamp", "clamp_max", "clamp_min", "cos",
            "cosh", "count_over_time", "day_of_month", "day_of_week", "day_of_year", "days_in_month", "deg", "delta",
            "deriv", "double_exponential_smoothing", "exp", "first_over_time", "floor", "histogram_avg",
            "histogram_count", "histogram_fraction", "histogram_quantile", "histogram_stddev", "histogram_stdvar",
            "histogram_sum", "holt_winters", "hour", "idelta", "increase", "info", "irate", "label_join",
            "label_replace", "last_over_time", "ln", "log10", "log2", "mad_over_time", "max_over_time",
            "min_over_time", "minute", "month", "pi", "predict_linear", "present_over_time", "quantile_over_time",
            "rad", "rate", "resets", "round", "scalar", "sgn", "sin", "sinh", "sort", "sort_by_label",
            "sort_by_label_desc", "sort_desc", "sqrt", "stddev_over_time", "stdvar_over_time", "sum_over_time", "tan",
            "tanh", "time", "timestamp", "ts_of_first_over_time", "ts_of_last_over_time", "ts_of_max_over_time",
            "ts_of_min_over_time", "vector", "year");

    static {
        java.util.Set<String> all = new java.util.HashSet<>(RANGE);
        all.addAll(VALUE);
        all.addAll(OTHER);
        SUPPORTED = Set.copyOf(all);
    }

    private Functions() {
    }

    /** A range function, resolved from its name once per query rather than once per step. */
    enum Range {
        RATE, INCREASE, DELTA, IRATE, IDELTA, AVG_OVER_TIME, SUM_OVER_TIME, COUNT_OVER_TIME, MIN_OVER_TIME,
        MAX_OVER_TIME, LAST_OVER_TIME, PRESENT_OVER_TIME, CHANGES, RESETS;

        static Range of(String name) {
            return valueOf(name.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /**
     * Applies a range function to the samples {@code first..last} of a window ending at {@code end} (ms) of length
     * {@code range} (ms); NaN when the window has too few samples.
     */
    static double range(Range function, Samples samples, int first, int last, long end, long range) {
        int count = last - first + 1;
        if (count < 1) {
            return Double.NaN;
        }
        double[] v = samples.values;
        return switch (function) {
            case RATE -> extrapolated(samples, first, last, end, range, true, true);
            case INCREASE -> extrapolated(samples, first, last, end, range, true, false);
            case DELTA -> extrapolated(samples, first, last, end, range, false, false);
            case IRATE -> instant(true, samples, first, last);
            case IDELTA -> instant(false, samples, first, last);
            case SUM_OVER_TIME -> samples.prefix()[last + 1] - samples.prefix()[first];
            case COUNT_OVER_TIME -> count;
            case AVG_OVER_TIME -> (samples.prefix()[last + 1] - samples.prefix()[first]) / count;
            case MIN_OVER_TIME -> extreme(v, first, last, true);
            case MAX_OVER_TIME -> extreme(v, first, last, false);
            case LAST_OVER_TIME -> v[last];
            case PRESENT_OVER_TIME -> 1;
            case CHANGES -> changes(v, first, last, false);
            case RESETS -> changes(v, first, last, true);
        };
    }

    /** Prometheus' extrapolatedRate: the increase between the first and last samples, extended to the edges. */
    private static double extrapolated(Samples samples, int first, int last, long end, long range,
                                       boolean counter, boolean perSecond) {
        if (last - first + 1 < 2) {
            return Double.NaN;
        }
        long[] t = samples.timestamps;
        double[] v = samples.values;
        double result = counter ? samples.adjusted()[last] - samples.adjusted()[first] : v[last] - v[first];
        double rangeStart = end - range;
        double durationToStart = (t[first] - rangeStart) / 1000.0;
        double durationToEnd = (end - t[last]) / 1000.0;
        double sampled = (t[last] - t[first]) / 1000.0;
        double averageInterval = sampled / (last - first);
        if (counter && result > 0 && v[first] >= 0) {
            double durationToZero = sampled * (v[first] / result);
            if (durationToZero < durationToStart) {
                durationToStart = durationToZero;
            }
        }
        double threshold = averageInterval * 1.1;
        double extrapolateTo = sampled;
        extrapolateTo += durationToStart < threshold ? durationToStart : averageInterval / 2;
        extrapolateTo += durationToEnd < threshold ? durationToEnd : averageInterval / 2;
        result = result * (extrapolateTo / sampled);
        return perSecond ? result / (range / 1000.0) : result;
    }

    private static double instant(boolean perSecond, Samples samples, int first, int last) {
        if (last - first + 1 < 2) {
            return Double.NaN;
        }
        double[] v = samples.values;
        double delta = v[last] - v[last - 1];
        if (perSecond) {
            if (delta < 0) {
                delta = v[last];
            }
            return delta / ((samples.timestamps[last] - samples.timestamps[last - 1]) / 1000.0);
        }
        return delta;
    }

    private static double extreme(double[] v, int first, int last, boolean min) {
        double result = v[first];
        for (int i = first + 1; i <= last; i++) {
            if (Double.isNaN(result) || (min ? v[i] < result : v[i] > result)) {
                result = v[i];
            }
        }
        return result;
    }

    private static double changes(double[] v, int first, int last, boolean resetsOnly) {
        int changes = 0;
        for (int i = first + 1; i <= last; i++) {
            if (resetsOnly ? v[i] < v[i - 1] : v[i] != v[i - 1]) {
                changes++;
            }
        }
        return changes;
    }

    /** Applies a per-value function; {@code a} and {@code b} are its scalar arguments where it has them. */
    static double value(String function, double x, double a, double b) {
        return switch (function) {
            case "abs" -> Math.abs(x);
            case "ceil" -> Math.ceil(x);
            case "floor" -> Math.floor(x);
            case "exp" -> Math.exp(x);
            case "ln" -> Math.log(x);
            case "log2" -> Math.log(x) / Math.log(2);
            case "log10" -> Math.log10(x);
            case "sqrt" -> Math.sqrt(x);
            case "sgn" -> Math.signum(x);
            case "clamp" -> a > b ? Double.NaN : Math.max(a, Math.min(b, x));
            case "clamp_min" -> Math.max(a, x);
            case "clamp_max" -> Math.min(a, x);
            case "round" -> Math.floor(x * (1 / a) + 0.5) / (1 / a);
            default -> throw new IllegalStateException(function);
        };
    }
}

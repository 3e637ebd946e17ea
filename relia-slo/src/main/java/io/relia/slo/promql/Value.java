package io.relia.slo.promql;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** What an expression evaluates to over the grid: a scalar per step, a vector of series, or a string. */
sealed interface Value {

    /** One value per grid step. */
    record Scalar(double[] values) implements Value {
    }

    /** Series with one value per grid step, NaN where absent. */
    record Vector(List<Series> series) implements Value {
    }

    /** A string literal. */
    record Str(String value) implements Value {
    }

    /** One series of a vector. */
    record Series(SortedMap<String, String> labels, double[] values) {

        Series withoutName() {
            if (!labels.containsKey("__name__")) {
                return this;
            }
            SortedMap<String, String> copy = new TreeMap<>(labels);
            copy.remove("__name__");
            return new Series(copy, values);
        }

        boolean isEmpty() {
            for (double value : values) {
                if (!Double.isNaN(value)) {
                    return false;
                }
            }
            return true;
        }
    }

    static SortedMap<String, String> withoutName(SortedMap<String, String> labels) {
        if (!labels.containsKey("__name__")) {
            return labels;
        }
        SortedMap<String, String> copy = new TreeMap<>(labels);
        copy.remove("__name__");
        return copy;
    }
}

package io.relia.slo.promql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Aggregation operators ({@code sum by (...)} and friends) applied step by step over a vector. */
final class Aggregations {

    private static final java.util.Set<String> SINGLE_IDENTITY = java.util.Set.of("sum", "avg", "min", "max");

    private Aggregations() {
    }

    static Value.Vector apply(Expr.Aggregate aggregate, Value.Vector input, double[] parameter, int steps) {
        Map<SortedMap<String, String>, List<Value.Series>> groups = new LinkedHashMap<>();
        for (Value.Series series : input.series()) {
            groups.computeIfAbsent(groupLabels(aggregate, series.labels()), key -> new ArrayList<>()).add(series);
        }
        List<Value.Series> result = new ArrayList<>();
        for (Map.Entry<SortedMap<String, String>, List<Value.Series>> group : groups.entrySet()) {
            if (aggregate.op().equals("topk") || aggregate.op().equals("bottomk")) {
                result.addAll(selectK(aggregate.op().equals("topk"), group.getValue(), parameter, steps));
                continue;
            }
            if (group.getValue().size() == 1 && SINGLE_IDENTITY.contains(aggregate.op())) {
                // One series: sum, avg, min and max of it are the series itself.
                result.add(new Value.Series(group.getKey(), group.getValue().getFirst().values().clone()));
                continue;
            }
            double[] values = new double[steps];
            double[] present = new double[group.getValue().size()];
            for (int step = 0; step < steps; step++) {
                int n = 0;
                for (Value.Series series : group.getValue()) {
                    double value = series.values()[step];
                    if (!Double.isNaN(value)) {
                        present[n++] = value;
                    }
                }
                values[step] = n == 0 ? Double.NaN : reduce(aggregate.op(), present, n, parameter[step]);
            }
            result.add(new Value.Series(group.getKey(), values));
        }
        return new Value.Vector(result);
    }

    private static SortedMap<String, String> groupLabels(Expr.Aggregate aggregate, SortedMap<String, String> labels) {
        SortedMap<String, String> key = new TreeMap<>();
        if (aggregate.without()) {
            key.putAll(labels);
            key.remove("__name__");
            aggregate.grouping().forEach(key::remove);
        } else {
            for (String name : aggregate.grouping()) {
                String value = labels.get(name);
                if (value != null) {
                    key.put(name, value);
                }
            }
        }
        return key;
    }

    private static double reduce(String op, double[] values, int n, double parameter) {
        switch (op) {
            case "sum":
                return sum(values, n);
            case "avg":
                return sum(values, n) / n;
            case "count":
                return n;
            case "group":
                return 1;
            case "min":
            case "max": {
                double result = values[0];
                for (int i = 1; i < n; i++) {
                    result = op.equals("min") ? Math.min(result, values[i]) : Math.max(result, values[i]);
                }
                return result;
            }
            case "stddev":
            case "stdvar": {
                double mean = sum(values, n) / n;
                double squares = 0;
                for (int i = 0; i < n; i++) {
                    squares += (values[i] - mean) * (values[i] - mean);
                }
                return op.equals("stdvar") ? squares / n : Math.sqrt(squares / n);
            }
            case "quantile":
                return quantile(parameter, Arrays.copyOf(values, n));
            default:
                throw new IllegalStateException(op);
        }
    }

    private static double sum(double[] values, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += values[i];
        }
        return sum;
    }

    /** Prometheus' quantile: linear interpolation between the closest ranks, rank = φ × (n − 1). */
    static double quantile(double phi, double[] values) {
        if (Double.isNaN(phi) || values.length == 0) {
            return Double.NaN;
        }
        if (phi < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (phi > 1) {
            return Double.POSITIVE_INFINITY;
        }
        Arrays.sort(values);
        double rank = phi * (values.length - 1);
        int lower = (int) Math.max(0, Math.floor(rank));
        int upper = Math.min(values.length - 1, lower + 1);
        double weight = rank - Math.floor(rank);
        return values[lower] * (1 - weight) + values[upper] * weight;
    }

    private static List<Value.Series> selectK(boolean top, List<Value.Series> group, double[] parameter, int steps) {
        List<double[]> outputs = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            double[] values = new double[steps];
            Arrays.fill(values, Double.NaN);
            outputs.add(values);
        }
        Integer[] order = new Integer[group.size()];
        for (int step = 0; step < steps; step++) {
            int k = (int) parameter[step];
            int present = 0;
            for (int i = 0; i < group.size(); i++) {
                if (!Double.isNaN(group.get(i).values()[step])) {
                    order[present++] = i;
                }
            }
            final int at = step;
            Arrays.sort(order, 0, present, (a, b) -> top
                    ? Double.compare(group.get(b).values()[at], group.get(a).values()[at])
                    : Double.compare(group.get(a).values()[at], group.get(b).values()[at]));
            for (int i = 0; i < Math.min(k, present); i++) {
                outputs.get(order[i])[step] = group.get(order[i]).values()[step];
            }
        }
        List<Value.Series> result = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            result.add(new Value.Series(group.get(i).labels(), outputs.get(i)));
        }
        return result;
    }
}

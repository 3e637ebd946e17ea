package io.relia.slo.promql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** {@code histogram_quantile} over classic {@code _bucket} series, as Prometheus' bucketQuantile computes it. */
final class Histograms {

    private Histograms() {
    }

    static Value.Vector quantile(double[] phi, Value.Vector buckets, int steps) {
        Map<SortedMap<String, String>, List<Value.Series>> groups = new LinkedHashMap<>();
        for (Value.Series series : buckets.series()) {
            if (!series.labels().containsKey("le")) {
                continue;
            }
            SortedMap<String, String> key = new TreeMap<>(series.labels());
            key.remove("le");
            key.remove("__name__");
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(series);
        }
        List<Value.Series> result = new ArrayList<>();
        for (Map.Entry<SortedMap<String, String>, List<Value.Series>> group : groups.entrySet()) {
            List<Value.Series> members = group.getValue();
            double[] bounds = new double[members.size()];
            for (int i = 0; i < bounds.length; i++) {
                bounds[i] = parseBound(members.get(i).labels().get("le"));
            }
            double[] values = new double[steps];
            for (int step = 0; step < steps; step++) {
                values[step] = bucketQuantile(phi[step], bounds, members, step);
            }
            result.add(new Value.Series(group.getKey(), values));
        }
        return new Value.Vector(result);
    }

    private static double parseBound(String le) {
        try {
            String bound = le.trim();
            if (bound.equalsIgnoreCase("+Inf") || bound.equalsIgnoreCase("Inf")) {
                return Double.POSITIVE_INFINITY;
            }
            return Double.parseDouble(bound);
        } catch (NumberFormatException bad) {
            return Double.NaN;
        }
    }

    private static double bucketQuantile(double q, double[] bounds, List<Value.Series> members, int step) {
        if (Double.isNaN(q)) {
            return Double.NaN;
        }
        if (q < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (q > 1) {
            return Double.POSITIVE_INFINITY;
        }
        List<double[]> buckets = new ArrayList<>();
        for (int i = 0; i < bounds.length; i++) {
            double count = members.get(i).values()[step];
            if (!Double.isNaN(count) && !Double.isNaN(bounds[i])) {
                buckets.add(new double[] {bounds[i], count});
            }
        }
        buckets.sort((a, b) -> Double.compare(a[0], b[0]));
        if (buckets.size() < 2 || buckets.getLast()[0] != Double.POSITIVE_INFINITY) {
            return Double.NaN;
        }
        for (int i = 1; i < buckets.size(); i++) {
            buckets.get(i)[1] = Math.max(buckets.get(i)[1], buckets.get(i - 1)[1]);
        }
        double observations = buckets.getLast()[1];
        if (observations == 0) {
            return Double.NaN;
        }
        double rank = q * observations;
        int b = 0;
        while (b < buckets.size() - 1 && buckets.get(b)[1] < rank) {
            b++;
        }
        if (b == buckets.size() - 1) {
            return buckets.get(buckets.size() - 2)[0];
        }
        if (b == 0 && buckets.getFirst()[0] <= 0) {
            return buckets.getFirst()[0];
        }
        double start = 0;
        double end = buckets.get(b)[0];
        double count = buckets.get(b)[1];
        if (b > 0) {
            start = buckets.get(b - 1)[0];
            count -= buckets.get(b - 1)[1];
            rank -= buckets.get(b - 1)[1];
        }
        return start + (end - start) * (rank / count);
    }
}

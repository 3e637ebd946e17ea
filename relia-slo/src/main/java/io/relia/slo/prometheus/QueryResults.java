package io.relia.slo.prometheus;

import io.relia.slo.query.QueryException;
import io.relia.slo.query.TimeGrid;
import io.relia.slo.query.TimeSeries;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

/**
 * Collects the {@code data} of one or more Prometheus query answers (the chunks of a long range) into one series per
 * label set, with a value for every time of the grid: each returned timestamp is mapped to its grid index exactly,
 * and steps Prometheus left out stay {@code NaN}.
 */
final class QueryResults {

    private final TimeGrid grid;
    private final String query;
    private final ApiErrors errors;
    private final Map<SortedMap<String, String>, double[]> series = new LinkedHashMap<>();

    QueryResults(TimeGrid grid, String query, ApiErrors errors) {
        this.grid = grid;
        this.query = query;
        this.errors = errors;
    }

    /** Adds one answer's {@code data}: a matrix, vector or scalar result. */
    void add(JsonNode data) throws QueryException {
        String type = data.path("resultType").stringValue("");
        JsonNode result = data.path("result");
        switch (type) {
            case "matrix" -> {
                for (JsonNode one : result.values()) {
                    double[] values = valuesOf(one.path("metric"));
                    for (JsonNode sample : one.path("values").values()) {
                        put(values, sample);
                    }
                }
            }
            case "vector" -> {
                for (JsonNode one : result.values()) {
                    put(valuesOf(one.path("metric")), one.path("value"));
                }
            }
            case "scalar" -> put(valuesOf(null), result);
            case "string" -> throw errors.badResponse("returned a string, not numbers, for the query "
                    + query.strip() + "; give an expression that yields a vector or a scalar");
            default -> throw errors.badResponse("returned an unknown result type \"" + type + "\" for the query "
                    + query.strip());
        }
    }

    /** The series collected, in the order Prometheus first returned them. */
    List<TimeSeries> series() {
        List<TimeSeries> all = new ArrayList<>(series.size());
        series.forEach((labels, values) -> all.add(new TimeSeries(labels, values)));
        return all;
    }

    private double[] valuesOf(JsonNode metric) throws QueryException {
        SortedMap<String, String> labels = new TreeMap<>();
        if (metric != null) {
            if (!metric.isObject()) {
                throw errors.badResponse("returned a series without labels (\"metric\") for " + query.strip());
            }
            for (Map.Entry<String, JsonNode> label : metric.properties()) {
                labels.put(label.getKey(), label.getValue().asString());
            }
        }
        return series.computeIfAbsent(labels, unused -> {
            double[] values = new double[grid.size()];
            Arrays.fill(values, Double.NaN);
            return values;
        });
    }

    /** Stores a {@code [unix_seconds, "value"]} pair at its grid index. */
    private void put(double[] values, JsonNode sample) throws QueryException {
        if (!sample.isArray() || sample.size() != 2 || !sample.get(0).isNumber() || !sample.get(1).isString()) {
            throw errors.badResponse("returned a malformed sample " + sample + " for " + query.strip());
        }
        long millis = Math.round(sample.get(0).doubleValue() * 1000);
        long offset = millis - grid.millisAt(0);
        long step = grid.step().toMillis();
        long index = Math.floorDiv(offset, step);
        if (offset % step != 0 || index < 0 || index >= values.length) {
            throw errors.badResponse("returned a sample at " + PrometheusClient.seconds(millis)
                    + " s, which is not a time of the query grid " + grid + ", for " + query.strip());
        }
        try {
            values[(int) index] = parseValue(sample.get(1).stringValue());
        } catch (NumberFormatException e) {
            throw errors.badResponse("returned a sample value that is not a number, " + sample + ", for "
                    + query.strip());
        }
    }

    /** Prometheus' sample values: decimal text, {@code NaN}, {@code +Inf}, {@code -Inf}. */
    static double parseValue(String text) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }
}

package io.relia.slo.promql;

import io.relia.slo.offline.RecordedData;
import io.relia.slo.query.QueryEngine;
import io.relia.slo.query.QueryException;
import io.relia.slo.query.TimeGrid;
import io.relia.slo.query.TimeSeries;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates PromQL over recorded data, without a server, with Prometheus' semantics for what it supports:
 * selectors with all matcher kinds and {@code offset}, range functions (rate, increase, *_over_time, ...) with
 * Prometheus' extrapolation, subqueries, aggregations, arithmetic, comparisons and set operators with vector
 * matching, and histogram_quantile. What it does not support is rejected with a clear message, never guessed.
 */
public final class OfflineEngine implements QueryEngine {

    /** Which Prometheus major version's range-window rule to follow: 2 selects [t−r, t], 3 selects (t−r, t]. */
    public enum Compatibility {
        PROMETHEUS_2(false), PROMETHEUS_3(true);

        private final boolean leftOpen;

        Compatibility(boolean leftOpen) {
            this.leftOpen = leftOpen;
        }
    }

    private final RecordedData data;
    private final Store store;
    private final Evaluator.Semantics semantics;
    private final Map<String, Expr> parsed = new ConcurrentHashMap<>();

    public OfflineEngine(RecordedData data, Compatibility compatibility) {
        this.data = data;
        this.store = new Store(data.series());
        this.semantics = new Evaluator.Semantics(compatibility.leftOpen, Duration.ofMinutes(5), Duration.ofMinutes(1));
    }

    /** Prometheus 3 semantics, the current release line. */
    public OfflineEngine(RecordedData data) {
        this(data, Compatibility.PROMETHEUS_3);
    }

    public RecordedData data() {
        return data;
    }

    @Override
    public List<TimeSeries> queryRange(String expr, TimeGrid grid) throws QueryException {
        Expr tree = parse(expr);
        long[] times = new long[grid.size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = grid.millisAt(i);
        }
        Value value;
        try {
            value = new Evaluator(store, times, semantics).evaluate(tree);
        } catch (PromQlSyntaxException bad) {
            throw new QueryException(QueryException.Kind.BAD_QUERY, bad.getMessage() + " in query: " + expr);
        }
        List<TimeSeries> result = new ArrayList<>();
        switch (value) {
            case Value.Scalar scalar -> result.add(TimeSeries.of(Map.of(), scalar.values()));
            case Value.Vector vector -> {
                for (Value.Series series : vector.series()) {
                    if (!series.isEmpty()) {
                        result.add(new TimeSeries(series.labels(), series.values()));
                    }
                }
            }
            case Value.Str string -> throw new QueryException(QueryException.Kind.BAD_QUERY,
                    "a string cannot be a query result, in query: " + expr);
        }
        return result;
    }

    /** Checks that {@code expr} parses and is supported offline; the message names the offending position. */
    public void check(String expr) throws QueryException {
        parse(expr);
    }

    private Expr parse(String expr) throws QueryException {
        Expr tree = parsed.get(expr);
        if (tree != null) {
            return tree;
        }
        try {
            tree = Parser.parse(expr);
        } catch (PromQlSyntaxException bad) {
            QueryException.Kind kind = bad.getMessage().contains("not supported offline")
                    ? QueryException.Kind.UNSUPPORTED : QueryException.Kind.BAD_QUERY;
            throw new QueryException(kind, "parse error at char " + (bad.offset() + 1) + ": " + bad.getMessage()
                    + ", in query: " + expr);
        }
        parsed.put(expr, tree);
        return tree;
    }

    @Override
    public String describe() {
        return "recorded data in " + data.source();
    }
}

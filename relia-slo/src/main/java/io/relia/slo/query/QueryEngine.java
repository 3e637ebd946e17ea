package io.relia.slo.query;

import java.time.Instant;
import java.util.List;

/**
 * Answers PromQL: a Prometheus server over its HTTP API, or recorded data evaluated offline. Status, gate and
 * backtest take one of these and never know which, so offline results can be checked against a real server.
 * Implementations are safe for concurrent use.
 */
public interface QueryEngine {

    /**
     * Evaluates {@code expr} at every time of {@code grid}, as Prometheus' {@code query_range} does.
     *
     * @return one series per label set; steps without a value hold {@code NaN}; empty when nothing matched
     */
    List<TimeSeries> queryRange(String expr, TimeGrid grid) throws QueryException;

    /** Evaluates {@code expr} at one time, as Prometheus' instant {@code query} does. */
    default List<TimeSeries> query(String expr, Instant at) throws QueryException {
        return queryRange(expr, TimeGrid.at(at));
    }

    /** Where the answers come from, for reports: {@code Prometheus at http://...} or {@code recorded data in FILE}. */
    String describe();
}

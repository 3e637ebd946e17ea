package io.relia.load.threshold;

/**
 * Statistics of a load run over some window (a sliding window during the run, or the whole run after warm-up),
 * which thresholds are evaluated against. Latencies are the coordinated-omission-corrected ones (measured from each
 * request's intended send time) unless the run is a closed model, where both are the same.
 */
public interface WindowStats {

    /** Requests that finished in the window: responses plus errors. */
    long requests();

    /** Requests that failed: transport errors (connect, timeout, reset, protocol) and HTTP statuses of 400 and up. */
    long errors();

    /** The latency at a percentile (0–100], in milliseconds; NaN when nothing finished. */
    double latencyPercentileMillis(double percentile);

    /** Mean latency in milliseconds; NaN when nothing finished. */
    double meanLatencyMillis();

    /** Largest latency in milliseconds; NaN when nothing finished. */
    double maxLatencyMillis();

    /** Requests finished per second over the window. */
    double achievedRate();

    /** Seconds the window covers. */
    double seconds();
}

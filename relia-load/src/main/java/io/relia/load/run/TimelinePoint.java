package io.relia.load.run;

/**
 * One interval of a run, summarised for charts: seconds from the start, rates (req/s) and latency percentiles (ms).
 *
 * @param seconds        end of the interval, seconds after the start
 * @param intendedRate   arrivals the profile scheduled per second (0 in a closed model)
 * @param sendRate       requests sent per second
 * @param doneRate       requests finished per second
 * @param errorRatio     failed / finished, 0–1 (NaN when nothing finished)
 * @param p50            corrected median latency
 * @param p90            corrected p90
 * @param p99            corrected p99
 * @param max            corrected maximum
 * @param uncorrectedP99 p99 from the actual send time
 * @param warmup         whether the interval lies in the warm-up
 */
public record TimelinePoint(double seconds, double intendedRate, double sendRate, double doneRate, double errorRatio,
        double p50, double p90, double p99, double max, double uncorrectedP99, boolean warmup) {

    static TimelinePoint of(LoadStats s, boolean warmup) {
        return new TimelinePoint(s.endNanos() / 1e9, s.intendedRate(), s.sendRate(), s.achievedRate(),
                s.requests() == 0 ? Double.NaN : (double) s.errors() / s.requests(),
                s.latencyPercentileMillis(50), s.latencyPercentileMillis(90), s.latencyPercentileMillis(99),
                s.maxLatencyMillis(), s.uncorrectedPercentileMillis(99), warmup);
    }
}

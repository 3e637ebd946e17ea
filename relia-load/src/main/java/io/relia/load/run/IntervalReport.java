package io.relia.load.run;

import io.relia.load.threshold.Threshold;

import java.util.List;

/**
 * What the collector hands to listeners after each interval.
 *
 * @param index       the interval's number from 0
 * @param stats       this interval's statistics (do not keep: listeners get a fresh one each time)
 * @param total       everything since the end of the warm-up (empty during warm-up)
 * @param warmup      whether the interval lies in the warm-up
 * @param backlog     arrivals due but not yet sent at the interval's end (open model)
 * @param connections connections open at the interval's end
 * @param failing     thresholds failing over the sliding window that ends here
 */
public record IntervalReport(int index, LoadStats stats, LoadStats total, boolean warmup, long backlog,
        int connections, List<Threshold.Verdict> failing) {
}

package io.relia.load.search;

import io.relia.load.threshold.Threshold;

import java.util.List;

/**
 * One step of the search: a constant rate held for the step's length.
 *
 * @param phase        {@code ramp}, {@code bisect} or {@code confirm}
 * @param rate         intended rate, req/s
 * @param sendRate     rate at which requests actually left, req/s
 * @param achievedRate rate at which requests finished, req/s
 * @param p50          corrected median latency, ms
 * @param p99          corrected p99 latency, ms
 * @param errorRatio   failed / finished, 0–1
 * @param pass         whether every SLO threshold held and the generator kept up
 * @param failing      the thresholds that failed
 * @param reason       why the step failed, in words; empty when it passed
 */
public record StepResult(String phase, double rate, double sendRate, double achievedRate, double p50, double p99,
        double errorRatio, boolean pass, List<Threshold.Verdict> failing, String reason) {

    public StepResult {
        failing = List.copyOf(failing);
    }
}

package io.relia.load.run;

import io.relia.load.scenario.LoadProfile;

import java.util.List;

/**
 * When each request of an open-model run is meant to be sent: arrival {@code i} (from 0) at the time where the
 * cumulative arrival count {@code A(t) = ∫ rate} reaches {@code i}. A constant rate gives {@code t = i / rate}; a
 * linear ramp from r0 to r1 over a stage of length D solves
 * {@code r0·τ + (r1 − r0)·τ²/(2D) = i − A(stage start)}.
 * These intended times are what latency is measured from (coordinated-omission correction).
 */
final class ArrivalSchedule {
    /** Returned for an arrival past the end of the profile. */
    static final long NEVER = Long.MAX_VALUE;

    private final double[] stageStartSeconds;
    private final double[] stageStartCount;
    private final double[] stageStartRate;
    private final double[] stageEndRate;
    private final double[] stageSeconds;
    private final double totalSeconds;
    private final double totalCount;

    private ArrivalSchedule(List<double[]> stages) {
        int n = stages.size();
        stageStartSeconds = new double[n];
        stageStartCount = new double[n];
        stageStartRate = new double[n];
        stageEndRate = new double[n];
        stageSeconds = new double[n];
        double t = 0;
        double count = 0;
        for (int s = 0; s < n; s++) {
            double[] stage = stages.get(s);
            stageStartSeconds[s] = t;
            stageStartCount[s] = count;
            stageStartRate[s] = stage[0];
            stageEndRate[s] = stage[1];
            stageSeconds[s] = stage[2];
            t += stage[2];
            count += (stage[0] + stage[1]) / 2 * stage[2];
        }
        totalSeconds = t;
        totalCount = count;
    }

    /** The schedule of an open-model profile. */
    static ArrivalSchedule of(LoadProfile profile) {
        return switch (profile) {
            case LoadProfile.Constant c -> new ArrivalSchedule(List.<double[]>of(
                    new double[] {c.rate(), c.rate(), seconds(c.duration())}));
            case LoadProfile.Ramping r -> {
                double rate = r.startRate();
                java.util.ArrayList<double[]> stages = new java.util.ArrayList<>();
                for (LoadProfile.Stage stage : r.stages()) {
                    stages.add(new double[] {rate, stage.target(), seconds(stage.duration())});
                    rate = stage.target();
                }
                yield new ArrivalSchedule(stages);
            }
            case LoadProfile.Closed closed ->
                    throw new IllegalArgumentException("a closed model has no arrival schedule");
        };
    }

    private static double seconds(java.time.Duration d) {
        return d.toNanos() / 1e9;
    }

    /** How many arrivals the whole profile holds. */
    long totalArrivals() {
        return (long) Math.ceil(totalCount - 1e-9);
    }

    /** The intended send time of arrival {@code i}, in nanoseconds after the start; {@link #NEVER} past the end. */
    long intendedNanos(long i) {
        if (i < 0) {
            throw new IllegalArgumentException("arrival index must not be negative: " + i);
        }
        double target = i;
        if (target >= totalCount - 1e-9) {
            return NEVER;
        }
        int s = stageOf(target);
        double r0 = stageStartRate[s];
        double r1 = stageEndRate[s];
        double d = stageSeconds[s];
        double need = target - stageStartCount[s];
        double tau;
        double a = (r1 - r0) / (2 * d);
        if (Math.abs(a) < 1e-12) {
            tau = r0 == 0 ? 0 : need / r0;
        } else {
            // a·τ² + r0·τ − need = 0, the root in [0, d]; written to avoid cancellation when a is small.
            double disc = Math.max(0, r0 * r0 + 4 * a * need);
            tau = 2 * need / (r0 + Math.sqrt(disc));
        }
        tau = Math.min(Math.max(tau, 0), d);
        double t = stageStartSeconds[s] + tau;
        return t >= totalSeconds ? NEVER : (long) (t * 1e9);
    }

    /** How many arrivals are due at {@code nanos} after the start (intended time at or before it). */
    long dueCount(long nanos) {
        if (nanos < 0) {
            return 0;
        }
        double t = nanos / 1e9;
        double count = totalCount;
        for (int s = 0; s < stageSeconds.length; s++) {
            double end = stageStartSeconds[s] + stageSeconds[s];
            if (t < end) {
                double tau = t - stageStartSeconds[s];
                double a = (stageEndRate[s] - stageStartRate[s]) / (2 * stageSeconds[s]);
                count = stageStartCount[s] + stageStartRate[s] * tau + a * tau * tau;
                break;
            }
        }
        long due = (long) Math.floor(count + 1e-9) + 1;
        return Math.min(due, totalArrivals());
    }

    /** Of the first {@code due} arrivals, how many belong to worker {@code k} of {@code n} (arrival i: i mod n). */
    static long share(long due, int k, int n) {
        return due > k ? (due - 1 - k) / n + 1 : 0;
    }

    /** Intended arrivals per second at {@code nanos} after the start. */
    double rateAt(long nanos) {
        double t = nanos / 1e9;
        for (int s = 0; s < stageSeconds.length; s++) {
            if (t < stageStartSeconds[s] + stageSeconds[s]) {
                double f = (t - stageStartSeconds[s]) / stageSeconds[s];
                return stageStartRate[s] + (stageEndRate[s] - stageStartRate[s]) * f;
            }
        }
        return 0;
    }

    private int stageOf(double count) {
        int s = 0;
        while (s + 1 < stageStartCount.length && stageStartCount[s + 1] <= count) {
            s++;
        }
        // a zero-rate stage adds no arrivals; skip past stages that cannot hold this one
        while (s + 1 < stageStartCount.length && stageStartCount[s] + (stageStartRate[s] + stageEndRate[s]) / 2
                * stageSeconds[s] <= count) {
            s++;
        }
        return s;
    }
}

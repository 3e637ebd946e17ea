package io.relia.load.run;

import io.relia.load.scenario.LoadProfile;
import io.relia.load.scenario.Scenario;

import java.util.concurrent.TimeUnit;

/**
 * The numbers a worker needs, computed once from the scenario and options. {@code measuredFromNanos} is where the
 * measured span starts, after the start: the first interval boundary at or after the end of the warm-up. A request
 * whose intended send time is earlier belongs to the warm-up, wherever its answer falls.
 */
record RunPlan(int templates, int connections, String host, int port, int connectTimeoutMillis, boolean closed,
        long durationNanos, long drainNanos, long timeoutNanos, long lateToleranceNanos, ArrivalSchedule schedule,
        long thinkNanos, long measuredFromNanos) {

    static RunPlan of(Scenario scenario, LoadOptions options) {
        LoadProfile profile = scenario.profile();
        boolean closed = profile instanceof LoadProfile.Closed;
        long timeout = scenario.timeout().toNanos();
        return new RunPlan(scenario.requests().size(), scenario.connections(), scenario.target().host(),
                scenario.target().port(), (int) Math.min(TimeUnit.NANOSECONDS.toMillis(timeout), 10_000),
                closed, profile.duration().toNanos(), timeout, timeout, options.lateTolerance().toNanos(),
                closed ? null : ArrivalSchedule.of(profile),
                profile instanceof LoadProfile.Closed c ? c.thinkTime().toNanos() : 0,
                measuredFrom(scenario.warmup().toNanos(), options.interval().toNanos()));
    }

    /** The first multiple of {@code intervalNanos} at or after {@code warmupNanos}. */
    static long measuredFrom(long warmupNanos, long intervalNanos) {
        return (warmupNanos + intervalNanos - 1) / intervalNanos * intervalNanos;
    }
}

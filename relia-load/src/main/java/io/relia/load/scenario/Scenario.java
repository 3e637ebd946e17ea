package io.relia.load.scenario;

import io.relia.load.threshold.Threshold;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a load run sends, where, and how fast: one origin, a weighted mix of requests, a load profile.
 *
 * @param name        a label for reports (the scenario file's {@code name}, or the URL for a one-URL run)
 * @param target      the origin every request goes to
 * @param requests    the weighted request mix (at least one)
 * @param variables   values from a CSV file, substituted for {@code ${column}} in paths, headers and bodies
 * @param profile     the load profile: open (constant or ramping arrival rate) or closed (fixed concurrency)
 * @param connections the most connections kept open (open model: the pool requests wait for; closed: the concurrency)
 * @param warmup      a first period whose results are left out of the summary and the thresholds
 * @param timeout     how long one request may take before it counts as a timeout error
 * @param thresholds  pass/fail criteria, evaluated over sliding windows during the run and over the whole run
 */
public record Scenario(
        String name,
        Target target,
        List<RequestTemplate> requests,
        Optional<VariableTable> variables,
        LoadProfile profile,
        int connections,
        Duration warmup,
        Duration timeout,
        List<Threshold> thresholds) {

    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        requests = List.copyOf(requests);
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("a scenario needs at least one request");
        }
        Objects.requireNonNull(variables, "variables");
        Objects.requireNonNull(profile, "profile");
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be at least 1: " + connections);
        }
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(timeout, "timeout");
        thresholds = List.copyOf(thresholds);
    }

    /** The same scenario with another profile: find-max runs one scenario at many rates. */
    public Scenario withProfile(LoadProfile newProfile) {
        return new Scenario(name, target, requests, variables, newProfile, connections, warmup, timeout, thresholds);
    }

    /** The same scenario with other thresholds. */
    public Scenario withThresholds(List<Threshold> newThresholds) {
        return new Scenario(name, target, requests, variables, profile, connections, warmup, timeout, newThresholds);
    }

    /** The same scenario with another warm-up. */
    public Scenario withWarmup(Duration newWarmup) {
        return new Scenario(name, target, requests, variables, profile, connections, newWarmup, timeout, thresholds);
    }

    /** The same scenario with another connection count. */
    public Scenario withConnections(int newConnections) {
        return new Scenario(name, target, requests, variables, profile, newConnections, warmup, timeout, thresholds);
    }
}

package io.relia.core.review.kubechaos;

import io.relia.core.Location;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One chaos experiment declared as a Kubernetes object of a chaos operator (Chaos Mesh, LitmusChaos): what it
 * breaks, where, when, and the last result its status records. Relia reads these; the operator runs them.
 *
 * @param tool       {@code Chaos Mesh} or {@code LitmusChaos}
 * @param kind       the object's kind ({@code NetworkChaos}, {@code Schedule}, {@code ChaosEngine})
 * @param name       {@code metadata.name}, or the kind when it has none
 * @param location   where the object starts
 * @param faults     the faults it injects ({@code NetworkChaos delay}, {@code pod-delete})
 * @param targets    what it targets ({@code mode one, labels app.kubernetes.io/component=tikv})
 * @param schedule   when it runs ({@code cron @every 5s}, {@code once, for 10s})
 * @param lastResult the result its status records ({@code verdict Pass}), empty when it records none
 * @param failed     true when that result is a failure
 */
public record OperatorExperiment(String tool, String kind, String name, Location location, List<String> faults,
                          String targets, String schedule, Optional<String> lastResult, boolean failed) {

    public OperatorExperiment {
        faults = List.copyOf(faults);
    }

    public List<String> row() {
        return List.of(tool + " " + kind + " " + name, location.file() + ":" + location.line(),
                faults.isEmpty() ? "(none declared)" : String.join(", ", faults), targets, schedule,
                lastResult.orElse("not recorded in the file"));
    }

    public Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("tool", tool);
        data.put("kind", kind);
        data.put("name", name);
        data.put("file", location.file());
        data.put("line", location.line());
        data.put("faults", faults);
        data.put("targets", targets);
        data.put("schedule", schedule);
        data.put("lastResult", lastResult.orElse(null));
        data.put("failed", failed);
        return data;
    }
}

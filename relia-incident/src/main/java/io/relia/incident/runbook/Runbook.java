package io.relia.incident.runbook;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated runbook: what triggers it, which alerts it answers, how to assess the incident, and its steps in the
 * order a responder walks them (diagnosis, mitigation, resolution, verification), with whom to escalate to.
 *
 * @param service  the service it is for, or ""
 * @param owner    the team that keeps it current, or ""
 * @param severity {@code SEV1}..{@code SEV4}, or "" when the runbook does not say
 * @param alerts   alert names it answers
 * @param labels   alert labels it answers, all of which must match
 * @param steps    every step, in walking order
 */
public record Runbook(String name, Path file, String service, String owner, String trigger, String severity,
                      String scope, List<String> detection, List<String> impact, List<String> alerts,
                      Map<String, String> labels, List<RunbookStep> steps, Optional<Escalation> escalation,
                      List<String> followUp) {

    /** Whom to call when the runbook has not helped within {@code after}. */
    public record Escalation(Duration after, String to) {
    }

    public Runbook {
        Objects.requireNonNull(file, "file");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a runbook needs a name: " + file);
        }
        detection = List.copyOf(detection);
        impact = List.copyOf(impact);
        alerts = List.copyOf(alerts);
        labels = Map.copyOf(labels);
        steps = List.copyOf(steps);
        followUp = List.copyOf(followUp);
    }

    /** The steps of one phase, in walking order. */
    public List<RunbookStep> steps(RunbookStep.Phase phase) {
        return steps.stream().filter(step -> step.phase() == phase).toList();
    }

    /** The file name without its extension, e.g. {@code high-cpu-usage}: a short name to run it by. */
    public String stem() {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}

package io.relia.chaos.experiment;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A chaos experiment, whichever format it was written in: a steady-state hypothesis checked around a method that
 * injects faults, rollbacks that undo them, and criteria that abort the run early. Readers build it; the runner
 * ({@code io.relia.chaos.run.ExperimentRunner}) executes it.
 *
 * @param title         what the experiment is called
 * @param description   what it verifies
 * @param tags          free labels
 * @param format        the format it was read from
 * @param configuration configuration values after {@code ${var}} substitution
 * @param hypothesis    probes (with tolerances) that define the steady state
 * @param method        activities in order
 * @param rollbacks     activities that undo the method, in order
 * @param verification  probes checked at the end of each fault window (native {@code verification})
 * @param abortWhen     conditions that stop the fault when met (native {@code rollback.trigger})
 * @param strategies    hypothesis and rollback strategies
 * @param scope         the declared blast radius
 * @param proxies       proxies the run creates on their admin API when missing
 * @param traffic       the built-in traffic source, when declared
 * @param metrics       named PromQL queries for metrics the traffic source does not measure
 * @param prometheus    the Prometheus server those queries go to
 * @param schedule      when it should run regularly
 * @param source        the file it was read from
 * @param raw           the document as read, for the journal's copy of the experiment
 */
public record Experiment(String title, String description, List<String> tags, Format format,
                         Map<String, Object> configuration, List<Activity> hypothesis, List<Activity> method,
                         List<Activity> rollbacks, List<Activity> verification, List<Condition> abortWhen,
                         Strategies strategies, Scope scope, List<DeclaredProxy> proxies, Optional<Traffic> traffic, Map<String, String> metrics,
                         Optional<URI> prometheus, Optional<Schedule> schedule, Path source, Map<String, Object> raw) {

    /** The format an experiment was written in. */
    public enum Format {
        NATIVE, CHAOS_TOOLKIT
    }

    public Experiment {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        tags = List.copyOf(tags);
        Objects.requireNonNull(format, "format");
        configuration = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(configuration));
        hypothesis = List.copyOf(hypothesis);
        method = List.copyOf(method);
        rollbacks = List.copyOf(rollbacks);
        verification = List.copyOf(verification);
        abortWhen = List.copyOf(abortWhen);
        Objects.requireNonNull(strategies, "strategies");
        Objects.requireNonNull(scope, "scope");
        proxies = List.copyOf(proxies);
        Objects.requireNonNull(traffic, "traffic");
        metrics = Map.copyOf(metrics);
        Objects.requireNonNull(prometheus, "prometheus");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(source, "source");
        raw = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(raw));
        if (title.isBlank()) {
            throw new IllegalArgumentException("an experiment has a title");
        }
        for (Activity probe : hypothesis) {
            if (probe.kind() != Activity.Kind.PROBE || probe.tolerance().isEmpty()) {
                throw new IllegalArgumentException("a hypothesis holds probes with tolerances: " + probe.name());
            }
        }
    }
}

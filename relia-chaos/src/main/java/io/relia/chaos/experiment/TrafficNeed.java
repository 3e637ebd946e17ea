package io.relia.chaos.experiment;

import io.relia.core.Location;
import io.relia.core.Problems;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The check that an experiment measuring traffic metrics (p99 latency, error rate, ...) declares the traffic source
 * that measures them. The readers run it with their other checks, so {@code relia validate} reports it together
 * with every other problem of the file, and the runner refuses the same experiments.
 */
public final class TrafficNeed {

    private TrafficNeed() {
    }

    /** Checks a read experiment. */
    public static void check(Experiment experiment, Problems problems) {
        check(experiment.hypothesis(), experiment.verification(), experiment.abortWhen(), experiment.traffic(),
                experiment.source(), problems);
    }

    /**
     * Adds one error, at the first probe or abort criterion that needs the traffic source, when none is declared.
     * Abort criteria are written away from the probes; their error goes to the first hypothesis probe, else the file.
     */
    static void check(List<Activity> hypothesis, List<Activity> verification, List<Condition> abortWhen,
                      Optional<Traffic> traffic, Path source, Problems problems) {
        if (traffic.isPresent()) {
            return;
        }
        Optional<Location> first = Stream.concat(
                Stream.of(hypothesis, verification).flatMap(List::stream)
                        .filter(probe -> probe.provider() instanceof Provider.Metric metric
                                && NativeExperimentReader.TRAFFIC_METRICS.contains(metric.name()))
                        .map(Activity::location),
                abortWhen.stream().filter(condition -> NativeExperimentReader.TRAFFIC_METRICS
                        .contains(condition.metric())).map(condition -> hypothesis.isEmpty()
                        ? Location.wholeFile(source) : hypothesis.getFirst().location()))
                .findFirst();
        first.ifPresent(location -> problems.error(location, "the experiment measures traffic metrics but declares "
                        + "no traffic source", "traffic: {url: http://..., rate: 10}",
                "the built-in traffic source calls that URL at a constant rate and measures latency and errors"));
    }
}

package io.relia.chaos.run;

import io.relia.chaos.experiment.Activity;
import io.relia.chaos.experiment.Condition;
import io.relia.chaos.experiment.Experiment;
import io.relia.chaos.experiment.Provider;
import io.relia.chaos.experiment.Scope;
import io.relia.chaos.experiment.Strategies;
import io.relia.chaos.experiment.Tolerance;
import io.relia.chaos.experiment.Traffic;
import io.relia.core.Location;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds experiments for runner tests directly from the model, as a reader would. */
final class TestExperiments {

    static final Location HERE = new Location("test.yaml", 1, 1);

    private TestExperiments() {
    }

    static Provider.Http post(URI url) {
        return new Provider.Http(url, "POST", Map.of(), Optional.empty(), Duration.ofSeconds(2),
                Duration.ofSeconds(5), true, 0);
    }

    static Provider.Http get(URI url) {
        return new Provider.Http(url, "GET", Map.of(), Optional.empty(), Duration.ofSeconds(2),
                Duration.ofSeconds(5), true, 0);
    }

    static Provider.Process sh(String script) {
        return new Provider.Process("sh", List.of("-c", script), Duration.ofSeconds(10));
    }

    static Activity healthProbe(TargetServer server) {
        return Activity.probe("health is 200", get(server.uri("/health")), new Tolerance.Equals(200L), HERE);
    }

    static Activity fault(String name, Provider provider, Duration hold) {
        return new Activity(Activity.Kind.ACTION, name, provider, Optional.empty(), Duration.ZERO, hold, false, true,
                HERE);
    }

    static Traffic traffic(TargetServer server) {
        return new Traffic(server.uri("/health"), "GET", Map.of(), "", 50, Duration.ofSeconds(1),
                Duration.ofSeconds(1));
    }

    static Experiment experiment(List<Activity> hypothesis, List<Activity> method, List<Activity> rollbacks,
                                 List<Condition> abort, Optional<Traffic> traffic, Strategies strategies) {
        return new Experiment("test", "runner test", List.of(), Experiment.Format.CHAOS_TOOLKIT, Map.of(),
                hypothesis, method, rollbacks, List.of(), abort, strategies, Scope.UNRESTRICTED, List.of(), traffic, Map.of(),
                Optional.empty(), Optional.empty(), Path.of("test.yaml"), Map.of("title", "test"));
    }

    static Experiment experiment(List<Activity> hypothesis, List<Activity> method, List<Activity> rollbacks) {
        return experiment(hypothesis, method, rollbacks, List.of(), Optional.empty(), Strategies.DEFAULT);
    }
}

package io.relia.load.search;

import io.relia.core.Location;
import io.relia.load.run.LoadOptions;
import io.relia.load.scenario.LoadProfile;
import io.relia.load.scenario.RequestTemplate;
import io.relia.load.scenario.Scenario;
import io.relia.load.scenario.Target;
import io.relia.load.selftest.TestServer;
import io.relia.load.threshold.Thresholds;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

class ThroughputSearchTest {

    private static Scenario scenario(TestServer server) {
        return new Scenario("knee", new Target(false, "127.0.0.1", server.port(), false),
                List.of(RequestTemplate.get("/")), Optional.empty(),
                new LoadProfile.Constant(1, Duration.ofSeconds(1)), 20, Duration.ZERO, Duration.ofSeconds(5),
                List.of());
    }

    @Test
    void findsTheKneeOfAServerWhoseCapacityIsSetByATokenBucket() throws Exception {
        // A burst of a tenth of a second's tokens absorbs the scheduling hiccups of a busy machine; 3 s steps with
        // 1 s left out drain it, so a rate a few percent above capacity fails while one below passes.
        try (TestServer server = TestServer.withCapacity(1700, 170)) {
            List<StepResult> seen = new ArrayList<>();
            SearchOptions options = new SearchOptions(250, 8000, Duration.ofSeconds(3), Duration.ofSeconds(1),
                    0.05, 20, 0.95);
            SearchResult result = new ThroughputSearch(scenario(server),
                    Thresholds.parse("errors<0.5%", new Location("test", 0, 0)), "errors<0.5%", options,
                    LoadOptions.defaults(), seen::add).run();

            seen.forEach(s -> System.out.printf("%s %.0f pass=%s %s%n", s.phase(), s.rate(), s.pass(), s.reason()));
            assertThat(result.knee()).isPresent();
            assertThat(result.knee().get().rate()).isCloseTo(1700, withPercentage(10));
            assertThat(result.firstFailure()).isPresent();
            assertThat(result.firstFailure().get().reason()).contains("errors<0.5%");
            assertThat(result.limitedBy()).isEqualTo("precision");
            assertThat(result.steps()).extracting(StepResult::phase).startsWith("ramp", "ramp", "ramp")
                    .contains("bisect").endsWith("confirm");
        }
    }

    @Test
    void reportsThatEvenTheStartRateFails() throws Exception {
        try (TestServer server = TestServer.withCapacity(50, 5)) {
            SearchOptions options = new SearchOptions(400, 1000, Duration.ofSeconds(1), Duration.ofMillis(200),
                    0.05, 5, 0.95);
            SearchResult result = new ThroughputSearch(scenario(server),
                    Thresholds.parse("errors<1%", new Location("test", 0, 0)), "errors<1%", options,
                    LoadOptions.defaults(), s -> { }).run();

            assertThat(result.knee()).isEmpty();
            assertThat(result.limitedBy()).isEqualTo("start-failed");
            assertThat(result.steps()).hasSize(1);
        }
    }

    @Test
    void stopsAtTheMaximumRateWhenEverythingPasses() throws Exception {
        try (TestServer server = TestServer.start()) {
            SearchOptions options = new SearchOptions(100, 300, Duration.ofSeconds(1), Duration.ofMillis(200),
                    0.05, 10, 0.95);
            SearchResult result = new ThroughputSearch(scenario(server),
                    Thresholds.parse("errors<1%", new Location("test", 0, 0)), "errors<1%", options,
                    LoadOptions.defaults(), s -> { }).run();

            assertThat(result.limitedBy()).isEqualTo("max-rate");
            assertThat(result.knee().get().rate()).isEqualTo(300);
            assertThat(result.steps()).extracting(StepResult::rate).containsExactly(100.0, 200.0, 300.0);
        }
    }
}

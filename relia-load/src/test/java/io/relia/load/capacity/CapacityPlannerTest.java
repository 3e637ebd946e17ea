package io.relia.load.capacity;

import io.relia.load.capacity.CapacityConfig.Cost;
import io.relia.load.capacity.CapacityConfig.Headroom;
import io.relia.load.capacity.CapacityConfig.PlannedEvent;
import io.relia.load.capacity.CapacityConfig.Resource;
import io.relia.load.capacity.forecast.TimeSeries;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CapacityPlannerTest {

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant END = START.plus(Duration.ofDays(14));

    /** Two weeks of hourly usage at a constant 10, with one hour at 20. */
    private static TimeSeries history() {
        double[] values = new double[14 * 24];
        Arrays.fill(values, 10);
        values[values.length - 5] = 20;
        return new TimeSeries(START, Duration.ofHours(1), values);
    }

    private static Resource resource(int instances, double perInstance) {
        return new Resource("api", CapacityConfig.Kind.COMPUTE, "req/s", OptionalDouble.empty(),
                OptionalInt.of(instances), OptionalDouble.of(perInstance), Optional.of(new Cost(120, "USD")),
                new CapacityConfig.GivenSource("test"));
    }

    private static CapacityConfig config(Resource resource, OptionalDouble growth, List<PlannedEvent> events) {
        return new CapacityConfig("api", Duration.ofDays(10), 0.5, 0.95, Headroom.DEFAULT, growth, List.of(resource),
                events);
    }

    private static ResourceAnalysis analyze(CapacityConfig config, Forecasting forecasting) {
        return new CapacityPlanner(forecasting).analyze(config, Map.of("api", history())).resources().getFirst();
    }

    @Test
    void normalPeakIsTheP95OfTheLastWeekAndIgnoresOneSpike() {
        ResourceAnalysis analysis = analyze(config(resource(2, 100), OptionalDouble.empty(), List.of()),
                StubForecasts.linear(10, 0, 1));
        assertThat(analysis.usage().recentPeak()).isEqualTo(10);
        assertThat(analysis.usage().max()).isEqualTo(20);
        assertThat(analysis.usage().window()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void runwayIsTheFirstStepWhoseUpperBoundExceedsUsableCapacity() {
        // usable = 2 × 100 × 0.5 = 100; upper = 10 + i + 5 exceeds 100 first at i = 86
        ResourceAnalysis analysis = analyze(config(resource(2, 100), OptionalDouble.empty(), List.of()),
                StubForecasts.linear(10, 1, 5));
        assertThat(analysis.usable()).hasValue(100);
        assertThat(analysis.baseline().runway()).contains(END.plus(Duration.ofHours(86)));
    }

    @Test
    void runwayIsBeyondTheHorizonWhenTheUpperBoundStaysBelowUsableCapacity() {
        ResourceAnalysis analysis = analyze(config(resource(2, 100), OptionalDouble.empty(), List.of()),
                StubForecasts.linear(10, 0, 5));
        assertThat(analysis.baseline().runway()).isEmpty();
        assertThat(analysis.recommendation().addInstances()).isZero();
        assertThat(analysis.recommendation().text()).startsWith("no action needed");
    }

    @Test
    void anEventMultipliesMeanAndBoundsFromItsDateUntilItEnds() {
        PlannedEvent launch = new PlannedEvent("launch", END.plus(Duration.ofDays(2)),
                Optional.of(END.plus(Duration.ofDays(3))), 10, List.of());
        ResourceAnalysis analysis = analyze(config(resource(2, 100), OptionalDouble.empty(), List.of(launch)),
                StubForecasts.linear(10, 0, 1));
        double[] mean = analysis.forecast().mean().values();
        assertThat(mean[47]).isEqualTo(10);
        assertThat(mean[48]).isEqualTo(100);
        assertThat(analysis.forecast().upper()[48]).isEqualTo(110);
        assertThat(mean[72]).isEqualTo(10);
        assertThat(analysis.events()).containsExactly("launch");
        assertThat(analysis.baseline().runway()).contains(END.plus(Duration.ofDays(2)));
    }

    @Test
    void theGrowthScenarioCompoundsMonthlyFromTheEndOfTheHistory() {
        ResourceAnalysis analysis = analyze(config(resource(2, 100), OptionalDouble.of(0.2), List.of()),
                StubForecasts.linear(10, 0, 0));
        ResourceAnalysis.Scenario growth = analysis.scenarios().get(1);
        assertThat(growth.name()).isEqualTo("growth 20%/month");
        double month = CapacityPlanner.DAYS_PER_MONTH * 24;
        double[] mean = growth.mean();
        assertThat(mean[0]).isEqualTo(10);
        assertThat((double) mean.length).isLessThan(month);
        assertThat(mean[mean.length - 1]).isCloseTo(10 * Math.pow(1.2, (mean.length - 1) / month),
                within(1e-9));
    }

    @Test
    void headroomAsksForThreeTimesThePeakAgainstUsableAndTenTimesAgainstTheWholeCapacity() {
        // peak 10: 3× = 30 ≤ usable 0.5 × 40 = 20? no → 30 / (40 × 0.5) = 1.5 → 2 instances
        ResourceAnalysis analysis = analyze(config(resource(1, 40), OptionalDouble.empty(), List.of()),
                StubForecasts.linear(10, 0, 1));
        assertThat(analysis.peak().ok()).isFalse();
        assertThat(analysis.peak().instancesNeeded()).hasValue(2);
        assertThat(analysis.stress().required()).isEqualTo(100);
        assertThat(analysis.stress().instancesNeeded()).hasValue(3);
        assertThat(analysis.recommendation().addInstances()).isEqualTo(1);
        assertThat(analysis.recommendation().before()).contains(END);
        assertThat(analysis.recommendation().monthlyCost()).hasValue(120);
        assertThat(analysis.recommendation().text()).isEqualTo("add 1 instance (1 → 2) before 2026-11-15: 3× "
                + "today's peak (30 req/s) exceeds the usable 20 req/s; +120 USD/month");
    }

    @Test
    void theRecommendationAddsTheInstancesTheUpperBoundNeedsBeforeTheRunwayEnds() {
        // upper peaks at 10 + 239 + 5 = 254 → ⌈254 / 50⌉ = 6 instances
        ResourceAnalysis analysis = analyze(config(resource(2, 100), OptionalDouble.empty(), List.of()),
                StubForecasts.linear(10, 1, 5));
        assertThat(analysis.recommendation().addInstances()).isEqualTo(4);
        assertThat(analysis.recommendation().monthlyCost()).hasValue(480);
        assertThat(analysis.recommendation().text()).startsWith("add 4 instances (2 → 6) before 2026-11-18");
    }

    @Test
    void withoutACapacityThereIsNoRunwayAndTheRecommendationSaysWhatIsMissing() {
        Resource unknown = new Resource("api", CapacityConfig.Kind.OTHER, "", OptionalDouble.empty(),
                OptionalInt.empty(), OptionalDouble.empty(), Optional.empty(), new CapacityConfig.GivenSource("t"));
        ResourceAnalysis analysis = analyze(config(unknown, OptionalDouble.empty(), List.of()),
                StubForecasts.linear(10, 1, 5));
        assertThat(analysis.baseline().runway()).isEmpty();
        assertThat(analysis.recommendation().text()).contains("set capacity");
    }

    @Test
    void instancesAreRoundedUpButExactFitsAreNot() {
        assertThat(CapacityPlanner.instancesFor(70, 100, 0.7)).isEqualTo(1);
        assertThat(CapacityPlanner.instancesFor(70.1, 100, 0.7)).isEqualTo(2);
        assertThat(CapacityPlanner.instancesFor(0, 100, 0.7)).isEqualTo(1);
    }
}

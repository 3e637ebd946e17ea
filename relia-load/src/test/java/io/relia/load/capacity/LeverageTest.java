package io.relia.load.capacity;

import io.relia.core.report.ChartData;
import io.relia.load.capacity.CapacityConfig.Headroom;
import io.relia.load.capacity.CapacityConfig.PlannedEvent;
import io.relia.load.capacity.CapacityConfig.Resource;
import io.relia.load.capacity.ResourceAnalysis.Leverage;
import io.relia.load.capacity.forecast.Forecast;
import io.relia.load.capacity.forecast.Forecaster;
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

/** The report sets the chosen model's plan beside seasonal naive's, so a reader sees how much the model matters. */
class LeverageTest {

    private static final Instant END = Instant.parse("2026-11-15T00:00:00Z");

    /** Two weeks of hourly usage at a constant 10, with one hour at 20. */
    private static TimeSeries history() {
        double[] values = new double[14 * 24];
        Arrays.fill(values, 10);
        values[values.length - 5] = 20;
        return new TimeSeries(END.minus(Duration.ofDays(14)), Duration.ofHours(1), values);
    }

    /** Two instances of 100 req/s at 50% utilisation: usable 100 req/s; 10 days ahead. */
    private static CapacityConfig config(OptionalDouble perInstance, List<PlannedEvent> events) {
        Resource resource = new Resource("api", CapacityConfig.Kind.COMPUTE, "req/s",
                perInstance.isPresent() ? OptionalDouble.empty() : OptionalDouble.of(200),
                perInstance.isPresent() ? OptionalInt.of(2) : OptionalInt.empty(), perInstance, Optional.empty(),
                new CapacityConfig.GivenSource("test"));
        return new CapacityConfig("api", Duration.ofDays(10), 0.5, 0.95, Headroom.DEFAULT, OptionalDouble.empty(),
                List.of(resource), events);
    }

    private static ResourceAnalysis analyze(CapacityConfig config, Forecasting forecasting) {
        return new CapacityPlanner(forecasting).analyze(config, Map.of("api", history())).resources().getFirst();
    }

    private static ResourceAnalysis analyze(Forecasting chosen, Forecasting naive) {
        return analyze(config(OptionalDouble.of(100), List.of()), StubForecasts.withNaive(chosen, naive));
    }

    @Test
    void seasonalNaiveRunningOutEarlierIsSaidWithItsDateHowMuchEarlierAndTheInstancesItWouldNeed() {
        // chosen: upper 15 + 0.5 i exceeds 100 at i = 171, peaks at 134.5 → ⌈134.5 / 50⌉ = 3 instances
        // naive:  upper 15 + i exceeds 100 at i = 86 (85 hours earlier), peaks at 254 → 6 instances
        ResourceAnalysis analysis = analyze(StubForecasts.linear(10, 0.5, 5), StubForecasts.linear(10, 1, 5));

        Leverage leverage = analysis.leverage();
        assertThat(analysis.baseline().runway()).contains(END.plus(Duration.ofHours(171)));
        assertThat(leverage.naive().runway()).contains(END.plus(Duration.ofHours(86)));
        assertThat(leverage.naive().peakUpper()).isEqualTo(254);
        assertThat(leverage.instancesAtHorizon()).hasValue(3);
        assertThat(leverage.naiveInstancesAtHorizon()).hasValue(6);
        assertThat(LeverageText.samePlan(analysis)).isFalse();
        assertThat(LeverageText.label(analysis)).isEqualTo("seasonal naive (stub-naive) instead");
        assertThat(LeverageText.line(analysis)).isEqualTo("runway 2026-11-18 (4 days earlier), upper bound peaks at "
                + "254 req/s (+89%), 6 instances at the horizon instead of 3");
        assertThat(LeverageText.sentence(analysis)).isEqualTo("Seasonal naive (stub-naive) instead: runway "
                + "2026-11-18 (4 days earlier), upper bound peaks at 254 req/s (+89%), 6 instances at the horizon "
                + "instead of 3");
    }

    @Test
    void seasonalNaiveRunningOutWhereTheChosenModelDoesNotIsSaidAgainstBeyondTheHorizon() {
        ResourceAnalysis analysis = analyze(StubForecasts.linear(10, 0, 5), StubForecasts.linear(10, 1, 5));

        assertThat(LeverageText.line(analysis)).startsWith("runway 2026-11-18 instead of beyond the horizon, ");
        assertThat(LeverageText.brief(analysis)).isEqualTo("runway 2026-11-18; 6 instances at the horizon");
    }

    @Test
    void whenSeasonalNaiveGivesTheSameRunwayAndInstancesTheReportSaysSoBriefly() {
        // both stay below usable 100; upper peaks at 15 and at 10 + 0.1 × 239 + 5 = 38.9: one instance each
        ResourceAnalysis analysis = analyze(StubForecasts.linear(10, 0, 5), StubForecasts.linear(10, 0.1, 5));

        assertThat(LeverageText.samePlan(analysis)).isTrue();
        assertThat(LeverageText.label(analysis)).isEqualTo("seasonal naive (stub-naive)");
        assertThat(LeverageText.line(analysis)).isEqualTo("same plan (runway beyond the horizon, 1 instance at the "
                + "horizon); upper bound peaks at 38.9 req/s (+159%)");
        assertThat(LeverageText.brief(analysis)).isEqualTo("same plan");
        assertThat(LeverageText.sentence(analysis)).startsWith("Seasonal naive (stub-naive): same plan (");
    }

    @Test
    void theSameRunwayWithMoreInstancesIsNotTheSamePlan() {
        // neither runs out, but seasonal naive's upper bound of 60 needs 2 instances of 50 usable, the chosen 1
        ResourceAnalysis analysis = analyze(StubForecasts.linear(10, 0, 5), StubForecasts.linear(55, 0, 5));

        assertThat(LeverageText.samePlan(analysis)).isFalse();
        assertThat(LeverageText.line(analysis)).isEqualTo("the same runway (beyond the horizon), upper bound peaks at "
                + "60 req/s (+300%), 2 instances at the horizon instead of 1");
    }

    @Test
    void plannedEventsApplyToSeasonalNaiveAsToTheChosenForecast() {
        PlannedEvent launch = new PlannedEvent("launch", END.plus(Duration.ofDays(2)), Optional.empty(), 10,
                List.of());
        ResourceAnalysis analysis = analyze(config(OptionalDouble.of(100), List.of(launch)),
                StubForecasts.withNaive(StubForecasts.linear(10, 0, 1), StubForecasts.linear(5, 0, 1)));

        double[] naive = analysis.leverage().naive().mean();
        assertThat(naive[47]).isEqualTo(5);
        assertThat(naive[48]).isEqualTo(50);
        assertThat(analysis.leverage().naive().peakUpper()).isEqualTo(60);
        assertThat(analysis.leverage().naive().runway()).isEmpty();
        assertThat(analysis.baseline().runway()).contains(END.plus(Duration.ofDays(2)));
        assertThat(LeverageText.line(analysis)).startsWith("runway beyond the horizon instead of 2026-11-17, ");
    }

    @Test
    void withoutAPerInstanceCapacityOnlyRunwayAndUpperBoundAreCompared() {
        ResourceAnalysis analysis = analyze(config(OptionalDouble.empty(), List.of()),
                StubForecasts.withNaive(StubForecasts.linear(10, 0.5, 5), StubForecasts.linear(10, 1, 5)));

        assertThat(analysis.leverage().instancesAtHorizon()).isEmpty();
        assertThat(analysis.leverage().naiveInstancesAtHorizon()).isEmpty();
        assertThat(LeverageText.line(analysis)).isEqualTo("runway 2026-11-18 (4 days earlier), upper bound peaks at "
                + "254 req/s (+89%)");
    }

    @Test
    void anEngineGivenAsALambdaIsComparedWithTheEnginesOwnSeasonalNaive() {
        ResourceAnalysis analysis = analyze(config(OptionalDouble.of(100), List.of()),
                StubForecasts.linear(10, 0, 1));

        Forecast expected = Forecaster.seasonalNaive(history(), 240, 0.95);
        assertThat(analysis.leverage().model()).isEqualTo(expected.model()).startsWith("snaive(");
        assertThat(analysis.leverage().naive().mean()).containsExactly(expected.mean().values());
        assertThat(analysis.leverage().naive().upper()).containsExactly(expected.upper());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theJsonReportCarriesSeasonalNaivesPlanBesideTheForecasts() {
        CapacityAnalysis analysis = new CapacityPlanner(StubForecasts.withNaive(StubForecasts.linear(10, 0.5, 5),
                StubForecasts.linear(10, 1, 5))).analyze(config(OptionalDouble.of(100), List.of()),
                Map.of("api", history()));

        Map<String, Object> resource = (Map<String, Object>) ((List<?>) CapacityReport.of(analysis).data()
                .get("resources")).getFirst();
        assertThat((Map<String, Object>) resource.get("forecast")).containsEntry("peakUpper", 134.5)
                .containsEntry("instancesAtHorizon", 3);
        assertThat((Map<String, Object>) resource.get("baseline")).containsExactly(Map.entry("model", "stub-naive"),
                Map.entry("peakUpper", 254.0), Map.entry("runway", "2026-11-18T14:00:00Z"),
                Map.entry("instancesAtHorizon", 6), Map.entry("samePlan", false));
    }

    @Test
    void theChartDrawsSeasonalNaivesMeanAsItsOwnSeries() {
        ResourceAnalysis analysis = analyze(StubForecasts.linear(10, 0, 5), StubForecasts.linear(30, 0, 5));

        ChartData chart = ForecastChart.of(analysis);
        assertThat(chart.series()).filteredOn(series -> series.name().equals("seasonal naive"))
                .singleElement().satisfies(series -> assertThat(series.values()).filteredOn(v -> !v.isNaN())
                        .containsOnly(30.0));
    }
}

package io.relia.load.capacity;

import io.relia.core.report.ChartData;
import io.relia.load.capacity.CapacityConfig.Cost;
import io.relia.load.capacity.CapacityConfig.Headroom;
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

class ForecastChartTest {

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    private static ChartData chart() {
        double[] values = new double[14 * 24];
        Arrays.fill(values, 10);
        Resource resource = new Resource("api", CapacityConfig.Kind.COMPUTE, "req/s", OptionalDouble.empty(),
                OptionalInt.of(2), OptionalDouble.of(100.2), Optional.of(new Cost(120, "USD")),
                new CapacityConfig.GivenSource("test"));
        CapacityConfig config = new CapacityConfig("api", Duration.ofDays(10), 0.5, 0.95, Headroom.DEFAULT,
                OptionalDouble.empty(), List.of(resource), List.of());
        ResourceAnalysis analysis = new CapacityPlanner(StubForecasts.linear(10, 0, 1))
                .analyze(config, Map.of("api", new TimeSeries(START, Duration.ofHours(1), values))).resources()
                .getFirst();
        return ForecastChart.of(analysis);
    }

    @Test
    void usableCapacityIsALabelledLineAtTheValueTheTableShows() {
        ChartData chart = chart();

        assertThat(chart.references()).singleElement().satisfies(line -> {
            assertThat(line.label()).isEqualTo("usable capacity");
            assertThat(line.value()).isEqualTo(100);
        });
        assertThat(chart.series()).extracting(ChartData.Series::name).doesNotContain("usable capacity");
    }

    @Test
    void theXAxisIsUtcTimeAndTheValuesCarryTheResourceUnit() {
        ChartData chart = chart();

        assertThat(chart.x().scale()).isEqualTo(ChartData.Scale.TIME);
        assertThat(chart.x().labels().getFirst()).isEqualTo("2026-11-01 00:00 UTC");
        assertThat(chart.y().unit()).isEqualTo("req/s");
    }
}

package io.relia.cli;

import io.relia.load.capacity.forecast.TimeSeries;
import io.relia.slo.query.TimeGrid;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Turning a Prometheus range query's series into one usage history. */
class PrometheusHistoryTest {

    private static final TimeGrid GRID = new TimeGrid(Instant.parse("2026-11-01T00:00:00Z"),
            Instant.parse("2026-11-01T04:00:00Z"), Duration.ofHours(1));

    @Test
    void severalSeriesAreSummedWithAWarning() {
        List<String> warnings = new ArrayList<>();
        TimeSeries history = PrometheusHistory.toHistory("rate(x[5m])", List.of(
                io.relia.slo.query.TimeSeries.of(Map.of("pod", "a"), new double[] {1, 2, 3, 4, 5}),
                io.relia.slo.query.TimeSeries.of(Map.of("pod", "b"), new double[] {10, 20, 30, 40, 50})),
                GRID, warnings::add);
        assertThat(history.values()).containsExactly(11, 22, 33, 44, 55);
        assertThat(history.step()).isEqualTo(Duration.ofHours(1));
        assertThat(warnings).singleElement().asString().contains("returned 2 series; their sum is forecast");
    }

    @Test
    void stepsWithoutAValueTakeThePreviousOne() {
        TimeSeries history = PrometheusHistory.toHistory("x", List.of(io.relia.slo.query.TimeSeries.of(Map.of(),
                new double[] {1, Double.NaN, 3, 4, 5})), GRID, warning -> { });
        assertThat(history.values()).containsExactly(1, 1, 3, 4, 5);
        assertThat(history.start()).isEqualTo(GRID.start());
    }
}

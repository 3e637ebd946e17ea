package io.relia.load.report;

import io.relia.core.chart.AxisScale;
import io.relia.core.report.ChartData;
import io.relia.load.run.LoadOptions;
import io.relia.load.run.LoadResult;
import io.relia.load.run.LoadStats;
import io.relia.load.run.TimelinePoint;
import io.relia.load.scenario.LoadProfile;
import io.relia.load.scenario.RequestTemplate;
import io.relia.load.scenario.Scenario;
import io.relia.load.scenario.Target;
import io.relia.load.threshold.Threshold;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LoadChartsTest {

    private static final Threshold P99 = new Threshold("p99<300ms", new Threshold.Metric.Percentile(99),
            Threshold.Comparison.LESS, 300, null);

    /** A point per second; the first two are the warm-up, with a 660 ms start-up spike. */
    private static LoadResult run(List<TimelinePoint> timeline) {
        Scenario scenario = new Scenario("browse", new Target(false, "127.0.0.1", 8080, false),
                List.of(RequestTemplate.get("/")), Optional.empty(),
                new LoadProfile.Constant(200, Duration.ofSeconds(5)), 10, Duration.ofSeconds(2),
                Duration.ofSeconds(2), List.of(P99));
        return new LoadResult(scenario, LoadOptions.defaults(), "nio", Instant.parse("2026-11-02T08:00:00Z"),
                new LoadStats(1), timeline, List.of(), Optional.empty(), false);
    }

    private static TimelinePoint point(double seconds, double rate, double max, boolean warmup) {
        return new TimelinePoint(seconds, rate, rate, rate, 0, max / 4, max / 2, max / 2, max, max / 2, warmup);
    }

    private static final List<TimelinePoint> TIMELINE = List.of(point(1, 200, 660, true), point(2, 200, 120, true),
            point(3, 200, 60, false), point(4, 200, 68, false), point(5, 200, 55, false));

    @Test
    void theWarmUpIsAShadedBandThatLeavesTheAxisToTheMeasuredPart() {
        ChartData chart = LoadReport.latencyOverTime(run(TIMELINE));

        assertThat(chart.bands()).singleElement().satisfies(band -> {
            assertThat(band.label()).contains("warm-up");
            assertThat(band.to()).isEqualTo(2);
            assertThat(band.excluded()).isTrue();
        });
        assertThat(AxisScale.of(chart).max()).isLessThan(660).isGreaterThanOrEqualTo(300);
    }

    @Test
    void latencyThresholdsAreLines() {
        assertThat(LoadReport.latencyOverTime(run(TIMELINE)).references()).singleElement()
                .satisfies(line -> assertThat(line.value()).isEqualTo(300));
    }

    @Test
    void aPartialLastIntervalIsNotDrawn() {
        List<TimelinePoint> timeline = new java.util.ArrayList<>(TIMELINE);
        timeline.add(point(5.04, 0, Double.NaN, false));

        ChartData chart = LoadReport.throughputOverTime(run(timeline));

        assertThat(chart.x().values()).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0);
        assertThat(chart.y().unit()).isEqualTo("req/s");
    }

    @Test
    void aFullLastIntervalIsDrawn() {
        assertThat(LoadReport.chartPoints(run(TIMELINE))).hasSize(5);
    }
}

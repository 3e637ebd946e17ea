package io.relia.chaos.run;

import io.relia.core.chart.AxisScale;
import io.relia.core.report.ChartData;
import io.relia.core.report.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ExperimentReportTest {

    private static final Instant START = Instant.parse("2026-11-23T17:28:49Z");

    /** Samples every 4 s for 28 s; latency 200 ms from 8 s to 16 s, nothing finished at 20 s; no errors. */
    private static Journal journal() {
        List<Journal.Sample> samples = new java.util.ArrayList<>();
        double[] p99 = {18, 19, 225, 230, 317, Double.NaN, 19, 18};
        for (int i = 0; i < p99.length; i++) {
            samples.add(new Journal.Sample(START.plusSeconds(4L * i), p99[i], 0, 20));
        }
        return new Journal(Map.of("title", "Payments slows down"), "Payments slows down", START,
                START.plusSeconds(28), Journal.Status.COMPLETED, false, Optional.empty(), Optional.empty(),
                List.of(), List.of(), List.of(), List.of(), "", samples, List.of(
                new Journal.Window("network-latency-1", START.plusSeconds(8), START.plusSeconds(16)),
                new Journal.Window("network-timeout-2", START.plusSeconds(16), START.plusSeconds(24))));
    }

    private static List<ChartData> charts() {
        return ExperimentReport.of(journal()).document().blocks().stream()
                .filter(block -> block instanceof Document.Chart).map(block -> ((Document.Chart) block).data())
                .toList();
    }

    @Test
    void faultWindowsAreLabelledBandsNotADataSeries() {
        ChartData latency = charts().getFirst();

        assertThat(latency.series()).singleElement()
                .satisfies(series -> assertThat(series.name()).isEqualTo("p99 latency"));
        assertThat(latency.bands()).extracting(ChartData.Band::label)
                .containsExactly("fault: network-latency-1", "fault: network-timeout-2");
        assertThat(latency.bands().getFirst().from()).isEqualTo(8);
        assertThat(latency.bands().getFirst().to()).isEqualTo(16);
    }

    @Test
    void theXAxisIsSecondsSinceTheStart() {
        ChartData latency = charts().getFirst();

        assertThat(latency.x().scale()).isEqualTo(ChartData.Scale.ELAPSED);
        assertThat(latency.x().values()).startsWith(0.0, 4.0, 8.0);
        assertThat(latency.y().unit()).isEqualTo("ms");
    }

    @Test
    void aSampleWithNothingFinishedIsAGapNotAZero() {
        assertThat(charts().getFirst().series().getFirst().values().get(5)).isNaN();
    }

    @Test
    void anErrorFreeRunGetsAPercentAxisFromZeroToOne() {
        ChartData errors = charts().get(1);
        AxisScale scale = AxisScale.of(errors);

        assertThat(errors.y().unit()).isEqualTo("%");
        assertThat(scale.min()).isZero();
        assertThat(scale.max()).isEqualTo(1);
    }
}

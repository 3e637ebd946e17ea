package io.relia.core.report;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChartDataTest {

    private static final ChartData.Domain TWO_SECONDS = ChartData.Domain.elapsed(List.of(0.0, 1.0));

    @Test
    void everySeriesHasOneValuePerXPosition() {
        assertThatThrownBy(() -> ChartData.builder("t", ChartData.Kind.LINE, TWO_SECONDS,
                ChartData.ValueAxis.amount("latency", "ms")).series("p99", List.of(1.0), "").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 values for 2 x positions");
    }

    @Test
    void bandsNeedAContinuousXAxis() {
        assertThatThrownBy(() -> ChartData.builder("t", ChartData.Kind.LINE,
                ChartData.Domain.categories("", List.of("a", "b")), ChartData.ValueAxis.amount("", ""))
                .band(0, 1, "fault").build()).hasMessageContaining("bands need a continuous x axis");
    }

    @Test
    void barsTakeCategories() {
        assertThatThrownBy(() -> ChartData.builder("t", ChartData.Kind.BAR, TWO_SECONDS,
                ChartData.ValueAxis.amount("", "")).build()).hasMessageContaining("BAR charts take categories");
    }

    @Test
    void aReferenceLineNeedsAFiniteValue() {
        assertThatThrownBy(() -> new ChartData.Reference(Double.NaN, "target", ""))
                .hasMessageContaining("reference target needs a finite value");
    }

    @Test
    void aBandEndsAfterItStarts() {
        assertThatThrownBy(() -> new ChartData.Band(5, 1, "warm-up", true)).hasMessageContaining("from <= to");
    }

    @Test
    void timesAreLabelledInUtcAndElapsedTimesInSeconds() {
        assertThat(ChartData.Domain.times(List.of(Instant.parse("2026-11-02T10:51:00Z"))).labels())
                .containsExactly("2026-11-02 10:51 UTC");
        assertThat(TWO_SECONDS.labels()).containsExactly("0 s", "1 s");
    }

    @Test
    void anAxisTitleCarriesItsUnit() {
        assertThat(ChartData.ValueAxis.amount("p99 latency", "ms").titleWithUnit()).isEqualTo("p99 latency (ms)");
        assertThat(ChartData.ValueAxis.amount("checklist items", "").titleWithUnit()).isEqualTo("checklist items");
    }

    @Test
    void onlyValuesInsideAnExcludedBandAreExcluded() {
        ChartData chart = ChartData.builder("t", ChartData.Kind.LINE,
                ChartData.Domain.elapsed(List.of(1.0, 5.0, 6.0)), ChartData.ValueAxis.amount("", ""))
                .excludedBand(0, 5, "warm-up").band(5, 6, "fault").build();

        assertThat(List.of(chart.excluded(0), chart.excluded(1), chart.excluded(2))).containsExactly(true, true, false);
    }
}

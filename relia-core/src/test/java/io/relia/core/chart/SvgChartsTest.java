package io.relia.core.chart;

import io.relia.core.report.ChartData;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class SvgChartsTest {

    private static final Instant START = Instant.parse("2026-11-02T08:00:00Z");

    private static ChartData burnRates() {
        List<Instant> times = new ArrayList<>();
        List<Double> fast = new ArrayList<>();
        List<Double> slow = new ArrayList<>();
        for (int minute = 0; minute <= 360; minute += 5) {
            times.add(START.plusSeconds(60L * minute));
            fast.add(minute > 170 && minute < 195 ? 85.0 : 0.5);
            slow.add(minute > 170 && minute < 250 ? 28.0 : 0.5);
        }
        return ChartData.builder("Burn rate", ChartData.Kind.LINE, ChartData.Domain.times(times),
                ChartData.ValueAxis.amount("burn rate", "×")).series("5m", fast, "").series("1h", slow, "")
                .reference(14.4, "page 1h&5m", "#c62828").reference(1, "ticket 3d&6h", "").build();
    }

    private static ChartData faultRun() {
        List<Double> seconds = List.of(0.0, 4.0, 8.0, 12.0, 16.0, 20.0, 24.0);
        return ChartData.builder("p99 latency during the run", ChartData.Kind.LINE, ChartData.Domain.elapsed(seconds),
                ChartData.ValueAxis.amount("p99 latency", "ms"))
                .series("p99 latency", List.of(18.0, 20.0, 225.0, 230.0, Double.NaN, 19.0, 18.0), "")
                .band(6, 14, "fault: network-latency-1").build();
    }

    @Test
    void aTimeAxisHasUtcTickLabelsAndTheDayInItsTitle() {
        String svg = SvgCharts.svg(burnRates(), 960, 360);

        assertThat(svg).contains(">08:00<", ">11:00<", ">14:00<", "time (UTC), 2026-11-02");
    }

    @Test
    void valueTicksCarryTheUnit() {
        String svg = SvgCharts.svg(burnRates(), 960, 360);

        assertThat(svg).contains(">0×<", ">20×<", ">100×<");
    }

    @Test
    void referenceLinesAreLabelledWithTheirValueAndUnit() {
        String svg = SvgCharts.svg(burnRates(), 960, 360);

        assertThat(svg).contains("page 1h&amp;5m: 14.4×", "ticket 3d&amp;6h: 1×");
    }

    @Test
    void bandsAreShadedAndLabelled() {
        String svg = SvgCharts.svg(faultRun(), 960, 360);

        assertThat(svg).contains("fault: network-latency-1").containsPattern("fill-opacity: ?0\\.1[0-9]*");
    }

    @Test
    void elapsedTimeTicksCarrySeconds() {
        String svg = SvgCharts.svg(faultRun(), 960, 360);

        assertThat(svg).contains(">0 s<", ">10 s<", ">20 s<", "time since start");
    }

    @Test
    void seriesDifferInDashPatternNotOnlyInColour() {
        String svg = SvgCharts.svg(burnRates(), 960, 360);

        assertThat(dashArrays(svg)).contains("7.0,4.0");
    }

    @Test
    void pointsCarryTooltipsWithTheirTimeAndUnit() {
        String svg = SvgCharts.svg(faultRun(), 960, 360);

        assertThat(svg).contains("<title>p99 latency, 8 s: 225 ms</title>")
                .doesNotContain("<title>p99 latency, 16 s");
    }

    @Test
    void aTimelineLabelsEachRowWithItsName() {
        List<Instant> times = List.of(START, START.plusSeconds(600), START.plusSeconds(1200));
        ChartData chart = ChartData.builder("Alerts firing", ChartData.Kind.TIMELINE, ChartData.Domain.times(times),
                ChartData.ValueAxis.amount("", "")).series("mwmbr page", List.of(Double.NaN, 1.0, 1.0), "")
                .series("naive page", List.of(1.0, Double.NaN, Double.NaN), "").build();

        assertThat(SvgCharts.svg(chart, 960, 200)).contains(">mwmbr page<", ">naive page<");
    }

    @Test
    void stackedSegmentsAreLabelledWithTheirSeriesAndCount() {
        ChartData chart = ChartData.builder("Checklist", ChartData.Kind.STACKED_BAR,
                ChartData.Domain.categories("", List.of("Architecture", "Security")),
                ChartData.ValueAxis.amount("items", "")).series("pass", List.of(1.0, 0.0), "#2e7d32")
                .series("fail", List.of(2.0, 1.0), "#c62828").build();

        assertThat(SvgCharts.svg(chart, 960, 160)).contains(">fail 2<", ">pass 1<").doesNotContain(">pass 0<");
    }

    @Test
    void barsCarryTheirValueWithItsUnit() {
        ChartData chart = ChartData.builder("MTTA", ChartData.Kind.BAR,
                ChartData.Domain.categories("severity", List.of("SEV1", "SEV2")),
                ChartData.ValueAxis.amount("median", "min")).series("MTTA median", List.of(Double.NaN, 4.0), "")
                .build();

        assertThat(SvgCharts.svg(chart, 960, 360)).contains(">4 min<");
    }

    @Test
    void theSvgScalesThroughItsViewBox() {
        assertThat(SvgCharts.svg(faultRun(), 960, 360)).startsWith("<svg").contains("viewBox='0.0 0.0 960.0 360.0'");
    }

    private static List<String> dashArrays(String svg) {
        List<String> found = new ArrayList<>();
        Matcher matcher = Pattern.compile("stroke-dasharray: ?([0-9.,]+)").matcher(svg);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}

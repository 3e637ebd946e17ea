package io.relia.core.chart;

import io.relia.core.report.ChartData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AxisScaleTest {

    private static AxisScale amount(double... values) {
        return AxisScale.of(values, true, Double.NaN);
    }

    @Test
    void anAllZeroSeriesGetsZeroToOne() {
        AxisScale scale = amount(0, 0, 0);

        assertThat(scale.min()).isZero();
        assertThat(scale.max()).isEqualTo(1);
        assertThat(scale.ticks()).containsExactly(0.0, 0.2, 0.4, 0.6, 0.8, 1.0);
    }

    @Test
    void aConstantAmountIsDrawnAgainstZeroToTwiceItsValue() {
        AxisScale scale = amount(50, 50, 50);

        assertThat(scale.min()).isZero();
        assertThat(scale.max()).isEqualTo(100);
    }

    @Test
    void aConstantPercentageIsDrawnAgainstZeroToOneHundred() {
        AxisScale full = AxisScale.of(new double[] {100, 100}, true, 100);
        AxisScale low = AxisScale.of(new double[] {5, 5}, true, 100);

        assertThat(full.position(100)).isEqualTo(1.0);
        assertThat(low.max()).isEqualTo(100);
        assertThat(low.position(5)).isEqualTo(0.05);
    }

    @Test
    void aConstantNegativeAmountReachesTwiceBelowZero() {
        AxisScale scale = amount(-3, -3);

        assertThat(scale.min()).isEqualTo(-6);
        assertThat(scale.max()).isZero();
    }

    @Test
    void negativeValuesStayInRange() {
        AxisScale scale = AxisScale.of(new double[] {100, -393}, true, 100);

        assertThat(scale.min()).isEqualTo(-400);
        assertThat(scale.max()).isEqualTo(100);
        assertThat(scale.step()).isEqualTo(100);
    }

    @Test
    void nanAndInfiniteValuesAreIgnored() {
        AxisScale scale = amount(Double.NaN, 7, Double.POSITIVE_INFINITY, 3, Double.NEGATIVE_INFINITY);

        assertThat(scale.min()).isZero();
        assertThat(scale.max()).isEqualTo(8);
    }

    @Test
    void noValuesGiveZeroToOne() {
        AxisScale scale = amount(Double.NaN);

        assertThat(scale.min()).isZero();
        assertThat(scale.max()).isEqualTo(1);
    }

    @Test
    void aTinyValueIsNotBlownUpPastZeroOnBothSides() {
        AxisScale scale = amount(0, 1e-9);

        assertThat(scale.min()).isZero();
        assertThat(scale.max()).isPositive();
    }

    @Test
    void aFittedAxisFollowsTheValuesAndStopsAtTheCeiling() {
        AxisScale scale = AxisScale.of(new double[] {91.2, 99.95, 100}, false, 100);

        assertThat(scale.min()).isEqualTo(90);
        assertThat(scale.max()).isEqualTo(100);
    }

    @Test
    void aFittedConstantIsPaddedBelowTheCeiling() {
        AxisScale scale = AxisScale.of(new double[] {100, 100}, false, 100);

        assertThat(scale.max()).isEqualTo(100);
        assertThat(scale.min()).isLessThan(100).isGreaterThanOrEqualTo(75);
    }

    @ParameterizedTest
    @CsvSource({"0.7, 1", "1.1, 2", "2.2, 2.5", "3, 5", "6, 10", "13, 20", "0.0021, 0.0025", "170, 200"})
    void stepsAreRound(double raw, double step) {
        assertThat(AxisScale.step(raw)).isEqualTo(step);
    }

    @Test
    void boundsAreMultiplesOfTheStepAndTicksFollowIt() {
        AxisScale scale = amount(0, 88.7);

        assertThat(scale.max()).isEqualTo(100);
        assertThat(scale.ticks()).containsExactly(0.0, 20.0, 40.0, 60.0, 80.0, 100.0);
    }

    @Test
    void tickLabelsCarryTheUnitWithTheDecimalsTheStepNeeds() {
        AxisScale percent = AxisScale.of(new double[] {0, 0}, true, 100);
        AxisScale millis = amount(0, 480);
        AxisScale factor = amount(0, 11);

        assertThat(percent.ticks().stream().map(tick -> percent.label(tick, "%")).toList())
                .containsExactly("0.0%", "0.2%", "0.4%", "0.6%", "0.8%", "1.0%");
        assertThat(millis.label(500, "ms")).isEqualTo("500 ms");
        assertThat(factor.label(7.5, "×")).isEqualTo("7.5×");
    }

    @Test
    void referenceLinesAreAlwaysInRange() {
        ChartData chart = ChartData.builder("burn", ChartData.Kind.LINE, ChartData.Domain.elapsed(List.of(0.0, 1.0)),
                ChartData.ValueAxis.amount("burn rate", "×")).series("5m", List.of(0.2, 0.4), "")
                .reference(14.4, "page", "").build();

        assertThat(AxisScale.of(chart).max()).isGreaterThanOrEqualTo(14.4);
    }

    @Test
    void valuesInsideAnExcludedBandDoNotSetTheRange() {
        ChartData chart = ChartData.builder("latency", ChartData.Kind.LINE,
                ChartData.Domain.elapsed(List.of(1.0, 2.0, 3.0, 4.0)), ChartData.ValueAxis.amount("latency", "ms"))
                .series("max", List.of(660.0, 300.0, 60.0, 68.0), "").excludedBand(0, 2, "warm-up").build();

        assertThat(AxisScale.of(chart).max()).isEqualTo(80);
    }

    @Test
    void stackedBarsScaleToTheirTotals() {
        ChartData chart = ChartData.builder("items", ChartData.Kind.STACKED_BAR,
                ChartData.Domain.categories("", List.of("a", "b")), ChartData.ValueAxis.amount("items", ""))
                .series("pass", List.of(3.0, 1.0), "").series("fail", List.of(2.0, 1.0), "").build();

        assertThat(AxisScale.of(chart).max()).isEqualTo(5);
    }
}

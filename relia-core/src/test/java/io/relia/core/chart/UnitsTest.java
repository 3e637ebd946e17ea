package io.relia.core.chart;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnitsTest {

    @Test
    void percentAndTimesStickToTheNumber() {
        assertThat(Units.format(99.5, "%")).isEqualTo("99.5%");
        assertThat(Units.format(14.4, "×")).isEqualTo("14.4×");
    }

    @Test
    void otherUnitsFollowASpace() {
        assertThat(Units.format(250, "ms")).isEqualTo("250 ms");
        assertThat(Units.format(563, "req/s")).isEqualTo("563 req/s");
    }

    @Test
    void measuredValuesKeepFourSignificantDigits() {
        assertThat(Units.format(0.752441, "×")).isEqualTo("0.7524×");
        assertThat(Units.format(225.7910, "ms")).isEqualTo("225.8 ms");
    }

    @Test
    void configuredValuesKeepTheirDigits() {
        assertThat(Units.precise(99.999, "%")).isEqualTo("99.999%");
        assertThat(Units.precise(6, "×")).isEqualTo("6×");
    }

    @Test
    void largeValuesAreGroupedWithoutDecimals() {
        assertThat(Units.format(21600.4, "min")).isEqualTo("21,600 min");
    }

    @Test
    void aMissingValueIsADash() {
        assertThat(Units.format(Double.NaN, "ms")).isEqualTo("-");
    }

    @Test
    void tickLabelsNeverShowMinusZero() {
        assertThat(Units.format(-0.0001, "%", 1)).isEqualTo("0.0%");
    }
}

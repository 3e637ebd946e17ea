package io.relia.slo.status;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the share of the window the data covers is stated in every verdict line. */
class CoverageTest {

    private static final Duration MONTH = Duration.ofDays(30);

    @Test
    void partOfTheWindowIsGivenAsSpanWindowAndShare() {
        assertThat(Coverage.of(MONTH, Duration.ofHours(6)).describe())
                .isEqualTo("data covers 6h of the 30d window (0.8%)");
        assertThat(Coverage.of(MONTH, Duration.ofDays(12)).describe())
                .isEqualTo("data covers 12d of the 30d window (40%)");
    }

    @Test
    void aShareIsNeverRoundedUpToTheWholeWindowNorDownToNothing() {
        assertThat(Coverage.of(MONTH, MONTH.minusMinutes(1)).sharePercent()).isEqualTo("99.9%");
        assertThat(Coverage.of(MONTH, Duration.ofMinutes(5)).sharePercent()).isEqualTo("<0.1%");
    }

    @Test
    void dataLongerThanTheWindowCoversTheWindow() {
        Coverage coverage = Coverage.of(MONTH, Duration.ofDays(45));

        assertThat(coverage.isWhole()).isTrue();
        assertThat(coverage.share()).isEqualTo(1.0);
        assertThat(coverage.describe()).isEqualTo("data covers the whole 30d window");
    }

    @Test
    void anAssumptionIsStatedAndCoversTheWholeWindow() {
        assertThat(Coverage.assumed(MONTH).share()).isEqualTo(1.0);
        assertThat(Coverage.assumed(MONTH).describe()).contains("assumed");
        assertThatThrownBy(() -> new Coverage(MONTH, Duration.ofHours(6), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void budgetPercentagesHaveOneDecimalAtMost() {
        assertThat(BudgetPercent.format(0.958875)).isEqualTo("95.9%");
        assertThat(BudgetPercent.format(4.935)).isEqualTo("493.5%");
        assertThat(BudgetPercent.format(0.5)).isEqualTo("50%");
        assertThat(BudgetPercent.format(-3.935)).isEqualTo("-393.5%");
        assertThat(BudgetPercent.format(Double.NaN)).isEqualTo("-");
    }
}
